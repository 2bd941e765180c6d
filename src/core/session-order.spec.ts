import { SessionOrder } from './session-order';

describe('SessionOrder', () => {
  const later = () => {
    let resolve: () => void = () => undefined;
    let reject: (err: Error) => void = () => undefined;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };

  it('holds a read until the session’s latest write settles, even when it fails', async () => {
    const order = new SessionOrder();
    const write = later();
    order.wrote(7n, write.promise);
    let read = false;
    const reading = order.settled(7n).then(() => (read = true));
    await Promise.resolve();
    expect(read).toBe(false);
    write.reject(new Error('BadVersion'));
    await reading;
    expect(read).toBe(true);
  });

  it('does not hold other sessions, nor callers without a session', async () => {
    const order = new SessionOrder();
    order.wrote(7n, later().promise);
    order.wrote(0n, later().promise);
    await expect(order.settled(8n)).resolves.toBeUndefined();
    await expect(order.settled(0n)).resolves.toBeUndefined();
  });
});
