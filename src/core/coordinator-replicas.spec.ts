import { randomBytes } from 'node:crypto';
import { Coordinator } from './coordinator';
import type { ClientContext } from './coordinator-types';
import { InMemoryTxnStore } from './in-memory-txn-store';
import type { WatchEvent, Watcher } from './watch-event';
import { ZkError } from './zk-error';

const LIMITS = {
  juteMaxBuffer: 1024,
  minSessionTimeoutMs: 4_000,
  maxSessionTimeoutMs: 40_000,
  maxPendingWrites: 1_000,
};
const anon: ClientContext = { sessionId: 0n, remoteAddress: '127.0.0.1' };
const origin = { transport: 'test', remoteAddress: '127.0.0.1' };

/** Replicas of one cluster: coordinators sharing one store, each with its own tree. */
function replicas(count: number, store = new InMemoryTxnStore()): Promise<Coordinator[]> {
  return Promise.all(
    Array.from({ length: count }, () =>
      Coordinator.open({
        store,
        clock: { now: () => 1_700_000_000_000 },
        entropy: { randomBytes },
        scheduler: { defer: (fn) => setImmediate(fn) },
        limits: LIMITS,
        elapsed: () => performance.now(),
        replicated: true,
      }),
    ),
  );
}

class Recorder implements Watcher {
  events: WatchEvent[] = [];
  notify(e: WatchEvent): void {
    this.events.push(e);
  }
}

describe('Coordinator replicas on one store', () => {
  it('validates each write against what the others committed, never a stale tree', async () => {
    const [a, b] = (await replicas(2)) as [Coordinator, Coordinator];
    await a.create(anon, '/n', Buffer.from('x'));
    // b has not followed the log, yet its conditional write sees a's node and its version.
    await expect(b.setData(anon, '/n', Buffer.from('y'), 0)).resolves.toMatchObject({
      version: 1,
    });
    await expect(a.setData(anon, '/n', Buffer.from('z'), 0)).rejects.toThrow('BadVersion');
    await expect(a.create(anon, '/n', Buffer.alloc(0))).rejects.toThrow('NodeExists');
    expect(a.lastZxid).toBe(b.lastZxid);
  });

  it('hands out sequential names without gaps or repeats when every replica creates at once', async () => {
    const all = await replicas(3);
    await all[0]!.create(anon, '/q', Buffer.alloc(0));
    const made = await Promise.all(
      all.flatMap((zk) =>
        Array.from({ length: 20 }, () =>
          zk.create(anon, '/q/item-', Buffer.alloc(0), { mode: 'persistent-sequential' }),
        ),
      ),
    );
    const numbers = made.map((m) => Number(m.path.slice(-10))).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  it('fires a watch set on one replica for a change made on another, once, on catching up', async () => {
    const [a, b] = (await replicas(2)) as [Coordinator, Coordinator];
    await a.create(anon, '/w', Buffer.alloc(0));
    await b.catchUp();
    const watcher = new Recorder();
    await b.getData(anon, '/w', watcher);
    await a.setData(anon, '/w', Buffer.from('1'));
    expect(watcher.events).toEqual([]);
    await b.catchUp();
    await b.catchUp();
    expect(watcher.events.map((e) => [e.type, e.path])).toEqual([['NodeDataChanged', '/w']]);
  });

  it('answers sync only once everything committed before it is applied', async () => {
    const [a, b] = (await replicas(2)) as [Coordinator, Coordinator];
    await a.create(anon, '/s', Buffer.from('fresh'));
    await b.sync(anon, '/s');
    expect((await b.getData(anon, '/s')).data.toString()).toBe('fresh');
  });

  it('resumes a session opened through another replica a moment ago', async () => {
    const [a, b] = (await replicas(2)) as [Coordinator, Coordinator];
    const s = await a.openSession(10_000, origin);
    await expect(b.resumeSession(s.sessionId, s.password, origin)).resolves.toMatchObject({
      sessionId: s.sessionId,
    });
    await expect(b.caughtUpTo(a.lastZxid)).resolves.toBe(true);
    await expect(b.caughtUpTo(a.lastZxid + 1)).resolves.toBe(false);
  });

  it('reloads from the store when the log it needs was pruned, and tells its listeners', async () => {
    const store = new InMemoryTxnStore(5);
    const [a, b] = (await replicas(2, store)) as [Coordinator, Coordinator];
    for (let i = 0; i < 20; i++) await a.create(anon, `/p${i}`, Buffer.alloc(0));
    let reloads = 0;
    b.onReload(() => reloads++);
    await b.catchUp();
    expect(reloads).toBe(1);
    expect(b.lastZxid).toBe(a.lastZxid);
    // twenty nodes and ZooKeeper's /zookeeper
    expect((await b.getChildren(anon, '/')).children).toHaveLength(21);
  });

  it('extends a session by liveness seen elsewhere, so the expirer leaves it alone', async () => {
    const [a] = (await replicas(1)) as [Coordinator];
    const s = await a.openSession(4_000, origin);
    expect(a.takeLiveSessions()).toEqual([[s.sessionId, 4_000]]);
    expect(a.takeLiveSessions()).toEqual([]);
    a.extendSessions([[s.sessionId, 60_000]]);
    expect(a.expiryCandidates()).toEqual([]);
    await expect(a.resumeSession(s.sessionId, Buffer.alloc(16), origin)).rejects.toBeInstanceOf(
      ZkError,
    );
  });
});
