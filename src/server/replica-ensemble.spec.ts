import { inMemoryCoordinator, SPEC_LIMITS } from '../../test/support/in-memory-coordinator';
import type { WatchEvent } from '../core/watch-event';
import { ReplicaEnsemble } from './replica-ensemble';

describe('ReplicaEnsemble', () => {
  const anon = { sessionId: 0n, remoteAddress: '127.0.0.1' };

  it('lists itself until replicas report, then every replica with ids by name', async () => {
    const ensemble = new ReplicaEnsemble({ host: '127.0.0.1', zkPort: 2181 });
    const zk = await inMemoryCoordinator(SPEC_LIMITS, { ensemble });
    const config = async () => (await zk.getData(anon, '/zookeeper/config')).data.toString();
    expect(await config()).toBe(
      'server.1=127.0.0.1:2888:3888:participant;127.0.0.1:2181\nversion=0',
    );

    const events: WatchEvent[] = [];
    await zk.getData(anon, '/zookeeper/config', { notify: (e) => events.push(e) });
    ensemble.follow([
      { name: 'zeta', zkAddress: '10.0.0.3:2181' },
      { name: 'alpha', zkAddress: '::1:2182' },
      { name: 'mid', zkAddress: 'zk-1.example:2183' },
    ]);
    expect(await config()).toBe(
      'server.1=[::1]:2888:3888:participant;[::1]:2182\n' +
        'server.2=zk-1.example:2888:3888:participant;zk-1.example:2183\n' +
        'server.3=10.0.0.3:2888:3888:participant;10.0.0.3:2181\n' +
        'version=0',
    );
    expect(events.map((e) => e.type)).toEqual(['NodeDataChanged']);
  });

  it('tells its listeners only when the list changed', () => {
    const ensemble = new ReplicaEnsemble({ host: '127.0.0.1', zkPort: 0 });
    let changes = 0;
    ensemble.onChange(() => changes++);
    const two = [
      { name: 'a', zkAddress: '127.0.0.1:1' },
      { name: 'b', zkAddress: '127.0.0.1:2' },
    ];
    ensemble.follow(two);
    ensemble.follow([...two].reverse());
    expect(changes).toBe(1);
    ensemble.follow(two.slice(1));
    expect(changes).toBe(2);
    expect(ensemble.current().servers).toEqual([
      { id: 1, host: '127.0.0.1', clientHost: '127.0.0.1', clientPort: 2 },
    ]);
    ensemble.announce(2181);
    expect(changes).toBe(2);
  });
});
