import { inMemoryCoordinator } from '../../../test/support/in-memory-coordinator';
import type { Coordinator } from '../../core/coordinator';
import type { ConnectRequest } from './jute/requests';
import { EXPIRED_RESPONSE, handshake } from './session-handshake';

const origin = { transport: 'zookeeper', remoteAddress: '127.0.0.1' };

async function coordinator(): Promise<Coordinator> {
  return inMemoryCoordinator({
    juteMaxBuffer: 1024,
    minSessionTimeoutMs: 4000,
    maxSessionTimeoutMs: 40000,
    maxPendingWrites: 100,
  });
}

const request = (over: Partial<ConnectRequest> = {}): ConnectRequest => ({
  protocolVersion: 0,
  lastZxidSeen: 0,
  timeoutMs: 30000,
  sessionId: 0n,
  passwd: Buffer.alloc(16),
  readOnly: false,
  withReadOnly: true,
  ...over,
});

describe('handshake', () => {
  it('opens a session with the timeout clamped into the server’s bounds', async () => {
    const zk = await coordinator();
    const outcomes = await Promise.all(
      [1, 10_000, 10_000_000].map((timeoutMs) => handshake(zk, request({ timeoutMs }), origin)),
    );
    expect(outcomes.map((o) => (o.kind === 'accepted' ? o.response.timeoutMs : o.kind))).toEqual([
      4000, 10_000, 40000,
    ]);
    const first = outcomes[0];
    expect(first).toMatchObject({ kind: 'accepted', resumed: false });
    if (first?.kind !== 'accepted') throw new Error('not accepted');
    expect(first.response).toMatchObject({ protocolVersion: 0, readOnly: false });
    expect(zk.session(first.session.sessionId)).toMatchObject({ transport: 'zookeeper' });
  });

  it('resumes with the right password and answers anything else as expired', async () => {
    const zk = await coordinator();
    const opened = await handshake(zk, request(), origin);
    if (opened.kind !== 'accepted') throw new Error('not accepted');
    const { sessionId, password } = opened.session;
    await expect(
      handshake(zk, request({ sessionId, passwd: password }), origin),
    ).resolves.toMatchObject({ kind: 'accepted', resumed: true, session: { sessionId } });
    const wrong = await handshake(zk, request({ sessionId, passwd: Buffer.alloc(16, 9) }), origin);
    const unknown = await handshake(zk, request({ sessionId: 12345n }), origin);
    expect([wrong, unknown]).toEqual([
      { kind: 'expired', response: EXPIRED_RESPONSE },
      { kind: 'expired', response: EXPIRED_RESPONSE },
    ]);
    expect(EXPIRED_RESPONSE).toEqual({
      protocolVersion: 0,
      timeoutMs: 0,
      sessionId: 0n,
      passwd: Buffer.alloc(16),
      readOnly: false,
    });
  });

  it('refuses a client that has seen a newer zxid than this server', async () => {
    const zk = await coordinator();
    const ahead = await handshake(zk, request({ lastZxidSeen: zk.lastZxid + 1 }), origin);
    expect(ahead).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/seen zxid 0x/) });
    expect(zk.counts.sessions).toBe(0);
    const even = await handshake(zk, request({ lastZxidSeen: zk.lastZxid }), origin);
    expect(even.kind).toBe('accepted');
  });
});
