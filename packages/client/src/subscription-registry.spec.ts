import type { ChangeEventJson } from '@zoonest/protocol/wire/socketio-events';
import { RequestPipeline } from './request-pipeline';
import type { Stat } from './stat';
import { SubscriptionRegistry } from './subscription-registry';
import type { ZoonestSocket } from './wire';
import { ZxidTracker } from './zxid-tracker';

/** A socket that records requests; the test answers them. */
class FakeSocket {
  readonly sent: Array<{
    event: string;
    payload: unknown;
    ack: (e: unknown, r?: unknown) => void;
  }> = [];
  emit(event: string, payload: unknown, ack: (e: unknown, r?: unknown) => void): void {
    this.sent.push({ event, payload, ack });
  }
  asSocket(): ZoonestSocket {
    return this as unknown as ZoonestSocket;
  }
}

const change = (subscriptionId: number, zxid: number, path: string): ChangeEventJson => ({
  subscriptionId,
  type: 'NodeCreated',
  path,
  zxid,
  stat: {} as Stat,
});

describe('SubscriptionRegistry', () => {
  const pipeline = new RequestPipeline(10, () => undefined);
  const registry = new SubscriptionRegistry(pipeline, new ZxidTracker());

  afterAll(() => registry.closed());

  it('resumes exactly where it stopped, even inside a multi', async () => {
    const first = new FakeSocket();
    pipeline.attach(first.asSocket());
    registry.resync();
    const got: string[] = [];
    const ready = registry.subscribe('/a', true, 9, {
      change: (e) => got.push(`${e.zxid} ${e.path}`),
    });
    expect(first.sent[0]).toMatchObject({ event: 'subscribe', payload: { fromZxid: 9 } });
    first.sent[0]?.ack(null, { subscriptionId: 1 });
    await ready;
    registry.change(change(1, 10, '/a/x'));
    registry.change(change(1, 11, '/a/m1')); // one op of a multi; its second op never arrives

    pipeline.detach();
    registry.lost();
    const second = new FakeSocket();
    pipeline.attach(second.asSocket());
    registry.resync();
    expect(second.sent[0]).toMatchObject({ event: 'subscribe', payload: { fromZxid: 10 } });
    second.sent[0]?.ack(null, { subscriptionId: 7 });
    await new Promise((r) => setImmediate(r));
    for (const [zxid, path] of [
      [11, '/a/m1'],
      [11, '/a/m2'],
      [12, '/a/y'],
    ] as const) {
      registry.change(change(7, zxid, path));
    }
    expect(got).toEqual(['10 /a/x', '11 /a/m1', '11 /a/m2', '12 /a/y']);
  });

  it('delivers events that came before the reply naming their subscription', async () => {
    const socket = new FakeSocket();
    pipeline.attach(socket.asSocket());
    const got: number[] = [];
    const ready = registry.subscribe('/b', false, undefined, { change: (e) => got.push(e.zxid) });
    registry.change(change(3, 20, '/b'));
    socket.sent[0]?.ack(null, { subscriptionId: 3 });
    await ready;
    registry.change(change(3, 21, '/b'));
    expect(got).toEqual([20, 21]);
  });
});
