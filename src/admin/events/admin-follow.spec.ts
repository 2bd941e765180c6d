import type { ChangeEvent } from '../../core/watch-event';
import { inMemoryCoordinator, SPEC_LIMITS } from '../../../test/support/in-memory-coordinator';
import { followChanges } from './admin-follow';

const ctx = { sessionId: 0n, remoteAddress: '127.0.0.1' };

describe('followChanges', () => {
  it('replays the last transactions under the prefix, then follows live', async () => {
    const zk = await inMemoryCoordinator(SPEC_LIMITS);
    for (const p of ['/a', '/b', '/a/1', '/a/2']) await zk.create(ctx, p, Buffer.alloc(0));
    const seen: ChangeEvent[] = [];
    const sub = await followChanges(zk, ctx, '/a', { history: 2 }, (e) => seen.push(e));
    await zk.setData(ctx, '/a/1', Buffer.from('x'));
    sub.cancel();
    expect(seen.map((e) => `${e.type} ${e.path}`)).toEqual([
      'NodeCreated /a/1',
      'NodeCreated /a/2',
      'NodeDataChanged /a/1',
    ]);
  });

  it('resumes after the zxid a client saw', async () => {
    const zk = await inMemoryCoordinator(SPEC_LIMITS);
    await zk.create(ctx, '/a', Buffer.alloc(0));
    const seenUpTo = zk.lastZxid;
    await zk.create(ctx, '/a/1', Buffer.alloc(0));
    const seen: string[] = [];
    const sub = await followChanges(zk, ctx, '/', { fromZxid: seenUpTo }, (e) => seen.push(e.path));
    sub.cancel();
    expect(seen).toEqual(['/a/1']);
  });
});
