import type { Stat } from './stat';
import { missedEvent, WatchRegistry } from './watch-registry';
import type { WatchedEvent } from './watched-event';

const stat = (czxid: number, mzxid: number, pzxid = czxid): Stat => ({
  czxid,
  mzxid,
  pzxid,
  ctime: 0,
  mtime: 0,
  version: 0,
  cversion: 0,
  aversion: 0,
  ephemeralOwner: '0',
  dataLength: 0,
  numChildren: 0,
});

describe('WatchRegistry', () => {
  it('fires each one-shot watch once, by ZooKeeper’s rules', () => {
    const reg = new WatchRegistry();
    const got: string[] = [];
    const w = (name: string) => (e: WatchedEvent) => got.push(`${name}:${e.type}`);
    reg.add('/a', 'data', w('data'));
    reg.add('/a', 'child', w('child'));
    reg.dispatch({ type: 'NodeDataChanged', path: '/a', zxid: 5 });
    reg.dispatch({ type: 'NodeDataChanged', path: '/a', zxid: 6 });
    reg.dispatch({ type: 'NodeDeleted', path: '/a', zxid: 7 });
    expect(got).toEqual(['data:NodeDataChanged', 'child:NodeDeleted']);
    expect(reg.size).toBe(0);
  });

  it('re-registers after a reconnect, firing what the node missed', async () => {
    const reg = new WatchRegistry();
    const got: WatchedEvent[] = [];
    const a = reg.add('/changed', 'data', (e) => got.push(e));
    reg.settle(a, stat(2, 3));
    const b = reg.add('/same', 'data', (e) => got.push(e));
    reg.settle(b, stat(4, 4));
    reg.add('/pending', 'data', (e) => got.push(e)); // its read is still in flight
    const now: Record<string, Stat | null> = { '/changed': stat(2, 9), '/same': stat(4, 4) };
    const asked: string[] = [];
    reg.resync({
      exists: async (p) => (asked.push(p), now[p] ?? null),
      childrenStat: async () => null,
      lastZxid: () => 10,
    });
    await new Promise((r) => setImmediate(r));
    expect(asked).toEqual(['/changed', '/same']);
    expect(got).toEqual([{ type: 'NodeDataChanged', path: '/changed', zxid: 9 }]);
    expect(reg.size).toBe(2);
  });

  it('knows what a watch missed while it was away', () => {
    expect(missedEvent('/n', 'data', null, stat(8, 8), 9)).toMatchObject({ type: 'NodeCreated' });
    expect(missedEvent('/n', 'data', null, null, 9)).toBeUndefined();
    expect(missedEvent('/n', 'data', stat(2, 2), null, 9)).toMatchObject({ type: 'NodeDeleted' });
    expect(missedEvent('/n', 'data', stat(2, 2), stat(7, 7), 9)).toMatchObject({
      type: 'NodeDeleted',
    });
    expect(missedEvent('/n', 'child', stat(2, 2, 3), stat(2, 5, 3), 9)).toBeUndefined();
    expect(missedEvent('/n', 'child', stat(2, 2, 3), stat(2, 2, 6), 9)).toMatchObject({
      type: 'NodeChildrenChanged',
      zxid: 6,
    });
  });
});
