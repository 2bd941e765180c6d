import { inMemoryCoordinator, SPEC_LIMITS } from '../../../test/support/in-memory-coordinator';
import type { WatchEvent, Watcher } from '../../core/watch-event';
import { sessionRows } from './session-rows';

const now = 1_700_000_000_000;

describe('sessionRows', () => {
  it('lists each session with its transport, ephemerals and watches', async () => {
    const zk = await inMemoryCoordinator(SPEC_LIMITS, { clock: { now: () => now } });
    const s = await zk.openSession(10_000, { transport: 'socketio', remoteAddress: '10.0.0.9' });
    const ctx = { sessionId: s.sessionId, remoteAddress: '10.0.0.9' };
    await zk.create(ctx, '/worker', Buffer.alloc(0), { mode: 'ephemeral' });
    const connection: Watcher = {
      sessionId: s.sessionId,
      notify: (_e: WatchEvent) => undefined,
    };
    await zk.getData(ctx, '/worker', connection);
    zk.attach(s.sessionId);

    expect(sessionRows(zk, now + 1000)).toEqual([
      {
        sessionId: s.sessionId.toString(),
        hex: `0x${s.sessionId.toString(16)}`,
        timeoutMs: 10_000,
        expiresInMs: null,
        connections: 1,
        transport: 'socketio',
        remoteAddress: '10.0.0.9',
        ephemerals: ['/worker'],
        watches: ['/worker'],
      },
    ]);
    zk.detach(s.sessionId);
    expect(sessionRows(zk, now + 1000)[0]?.expiresInMs).toBe(9000);
  });
});
