import { hostname } from 'node:os';
import { inMemoryCoordinator, SPEC_LIMITS } from '../../test/support/in-memory-coordinator';
import type { WatchEvent } from '../core/watch-event';
import { LocalEnsemble } from './local-ensemble';

describe('LocalEnsemble', () => {
  const anon = { sessionId: 0n, remoteAddress: '127.0.0.1' };

  it('serves itself as server 1 in /zookeeper/config and fires its watch when the port is bound', async () => {
    const ensemble = new LocalEnsemble({ host: '127.0.0.1', zkPort: 0 });
    const zk = await inMemoryCoordinator(SPEC_LIMITS, { ensemble });
    const events: WatchEvent[] = [];
    const before = await zk.getData(anon, '/zookeeper/config', { notify: (e) => events.push(e) });
    expect(before.data.toString()).toBe(
      'server.1=127.0.0.1:2888:3888:participant;127.0.0.1:0\nversion=0',
    );
    ensemble.announce(2181);
    expect(events).toEqual([{ type: 'NodeDataChanged', path: '/zookeeper/config', zxid: 0 }]);
    const after = await zk.getData(anon, '/zookeeper/config');
    expect(after.data.toString()).toBe(
      'server.1=127.0.0.1:2888:3888:participant;127.0.0.1:2181\nversion=0',
    );
    expect([after.stat.version, after.stat.dataLength]).toEqual([-1, after.data.length]);
  });

  it('names this machine when bound to every interface, as ZooKeeper pairs 0.0.0.0 with a host', () => {
    const config = new LocalEnsemble({ host: '0.0.0.0', zkPort: 2181 }).current();
    expect(config.servers).toEqual([
      { id: 1, host: hostname(), clientHost: '0.0.0.0', clientPort: 2181 },
    ]);
  });
});
