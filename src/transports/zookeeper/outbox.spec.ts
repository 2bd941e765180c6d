import type { Socket } from 'node:net';
import { ZkCode } from '../../core/zk-code';
import { encodeNotification, encodeReply } from './jute/encode-reply';
import { Outbox } from './outbox';

/** A socket that records what is written and how. */
function fakeSocket() {
  const calls: string[] = [];
  const written: Buffer[] = [];
  const socket = {
    destroyed: false,
    writable: true,
    cork: () => calls.push('cork'),
    uncork: () => calls.push('uncork'),
    write: (b: Buffer) => {
      calls.push('write');
      written.push(Buffer.from(b));
      return true;
    },
  };
  return { socket, calls, bytes: () => Buffer.concat(written) };
}

const tick = () => new Promise((r) => process.nextTick(r));

describe('Outbox', () => {
  it('writes everything queued in one turn as one buffer, in order', async () => {
    const { socket, calls, bytes } = fakeSocket();
    const sent: number[] = [];
    const outbox = new Outbox(socket as unknown as Socket, (n) => sent.push(n), fail);
    const event = { type: 'NodeDataChanged', path: '/a', zxid: 3 } as const;
    outbox.reply({ xid: 1, zxid: 3, err: 0 }, { type: 'sync', path: '/a' });
    outbox.notification(event);
    outbox.reply({ xid: 2, zxid: 3, err: ZkCode.NoNode });
    expect(calls).toEqual([]);
    await tick();
    expect(calls).toEqual(['write']);
    expect(sent).toEqual([3]);
    expect(bytes()).toEqual(
      Buffer.concat([
        encodeReply({ xid: 1, zxid: 3, err: 0 }, { type: 'sync', path: '/a' }),
        encodeNotification(event),
        encodeReply({ xid: 2, zxid: 3, err: ZkCode.NoNode }),
      ]),
    );
  });

  it('keeps packets encoded elsewhere in their place, corking the writes', async () => {
    const { socket, calls, bytes } = fakeSocket();
    const outbox = new Outbox(socket as unknown as Socket, () => undefined, fail);
    const raw = Buffer.from([0, 0, 0, 1, 7]);
    outbox.reply({ xid: 1, zxid: 0, err: 0 });
    outbox.frame(raw);
    outbox.reply({ xid: 2, zxid: 0, err: 0 });
    await tick();
    expect(calls).toEqual(['cork', 'write', 'write', 'write', 'uncork']);
    expect(bytes()).toEqual(
      Buffer.concat([
        encodeReply({ xid: 1, zxid: 0, err: 0 }),
        raw,
        encodeReply({ xid: 2, zxid: 0, err: 0 }),
      ]),
    );
  });

  it('answers with SystemError when a body cannot be encoded, and reports it', async () => {
    const { socket, bytes } = fakeSocket();
    const errors: unknown[] = [];
    const outbox = new Outbox(
      socket as unknown as Socket,
      () => undefined,
      (e) => errors.push(e),
    );
    outbox.reply(
      { xid: 4, zxid: 1, err: 0 },
      { type: 'getAllChildrenNumber', totalNumber: 2 ** 40 },
    );
    await tick();
    expect(bytes()).toEqual(encodeReply({ xid: 4, zxid: 1, err: ZkCode.SystemError }));
    expect(errors).toHaveLength(1);
  });

  it('writes nothing to a socket that is gone', async () => {
    const { socket, calls } = fakeSocket();
    socket.destroyed = true;
    const sent: number[] = [];
    const outbox = new Outbox(socket as unknown as Socket, (n) => sent.push(n), fail);
    outbox.reply({ xid: 1, zxid: 0, err: 0 });
    await tick();
    expect([calls, sent]).toEqual([[], []]);
  });
});

function fail(err: unknown): never {
  throw err;
}
