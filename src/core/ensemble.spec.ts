import { formatEnsembleConfig } from './ensemble';

describe('formatEnsembleConfig', () => {
  it('writes every server by id, IPv6 hosts in brackets, and the version in hex', () => {
    const text = formatEnsembleConfig({
      version: 0x100000003,
      servers: [
        { id: 2, host: '::1', clientHost: '::1', clientPort: 2182 },
        { id: 1, host: 'zk-a', clientHost: '0.0.0.0', clientPort: 2181 },
      ],
    });
    expect(text).toBe(
      [
        'server.1=zk-a:2888:3888:participant;0.0.0.0:2181',
        'server.2=[::1]:2888:3888:participant;[::1]:2182',
        'version=100000003',
      ].join('\n'),
    );
  });
});
