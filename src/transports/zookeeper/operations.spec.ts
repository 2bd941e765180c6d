import { inMemoryCoordinator, zookeeperSession } from '../../../test/support/in-memory-coordinator';
import type { WatchEvent } from '../../core/watch-event';
import { ZkCode } from '../../core/zk-code';
import type { ZkError } from '../../core/zk-error';
import type { OperationRequest } from './operations';
import { isConnectionRequest, perform, type OperationCall } from './operations';

const acl = [{ scheme: 'world', id: 'anyone', perms: 31 }];
const data = (s: string) => Buffer.from(s);

async function setup(maxMultiOps = 10) {
  const zk = await inMemoryCoordinator({
    juteMaxBuffer: 256,
    minSessionTimeoutMs: 1000,
    maxSessionTimeoutMs: 9000,
    maxPendingWrites: 100,
  });
  const ctx = await zookeeperSession(zk);
  const events: WatchEvent[] = [];
  const call: OperationCall = { zk, ctx, watcher: { notify: (e) => events.push(e) }, maxMultiOps };
  const run = (req: OperationRequest) => perform(call, req);
  const code = (req: OperationRequest) =>
    run(req).then(
      () => 'ok',
      (err: ZkError) => ZkCode[err.code],
    );
  return { zk, ctx, run, code, events };
}

describe('perform', () => {
  it('answers create with the path alone and the other create kinds with a Stat', async () => {
    const { run } = await setup();
    const create = { xid: 1, data: data('x'), acl } as const;
    await expect(
      run({ ...create, type: 'create', path: '/a', mode: 'persistent' }),
    ).resolves.toEqual({
      type: 'create',
      path: '/a',
    });
    const two = await run({
      ...create,
      type: 'create2',
      path: '/s-',
      mode: 'persistent-sequential',
    });
    expect(two).toMatchObject({ type: 'create2', path: '/s-0000000001', stat: { dataLength: 1 } });
    await expect(
      run({ ...create, type: 'createTTL', path: '/t', mode: 'persistent-ttl', ttlMs: 1000 }),
    ).resolves.toMatchObject({ type: 'createTTL', path: '/t', stat: { version: 0 } });
    await expect(
      run({ ...create, type: 'createContainer', path: '/c', mode: 'container' }),
    ).resolves.toMatchObject({ type: 'createContainer', path: '/c' });
  });

  it('answers a missing node’s exists with NoNode, keeping the watch it sets', async () => {
    const { run, code, events } = await setup();
    expect(await code({ xid: 1, type: 'exists', path: '/later', watch: true })).toBe('NoNode');
    await run({ xid: 2, type: 'create', path: '/later', data: data(''), acl, mode: 'persistent' });
    expect(events).toEqual([{ type: 'NodeCreated', path: '/later', zxid: expect.any(Number) }]);
  });

  it('reads, lists and counts, with and without the parent Stat', async () => {
    const { run } = await setup();
    const mk = (path: string) =>
      run({ xid: 0, type: 'create', path, data: data('v'), acl, mode: 'persistent' });
    await mk('/p');
    await mk('/p/a');
    await mk('/p/a/b');
    await expect(run({ xid: 1, type: 'getChildren', path: '/p', watch: false })).resolves.toEqual({
      type: 'getChildren',
      children: ['a'],
    });
    await expect(
      run({ xid: 2, type: 'getChildren2', path: '/p', watch: false }),
    ).resolves.toMatchObject({
      type: 'getChildren2',
      children: ['a'],
      stat: { numChildren: 1 },
    });
    await expect(run({ xid: 3, type: 'getAllChildrenNumber', path: '/p' })).resolves.toEqual({
      type: 'getAllChildrenNumber',
      totalNumber: 2,
    });
    await expect(
      run({ xid: 4, type: 'getData', path: '/p/a', watch: false }),
    ).resolves.toMatchObject({
      type: 'getData',
      data: data('v'),
    });
  });

  it('answers a failed multi with per-op errors and refuses one over the op limit', async () => {
    const { run, code } = await setup(2);
    const failed = await run({
      xid: 1,
      type: 'multi',
      ops: [
        { type: 'create', path: '/m', data: data(''), acl, mode: 'persistent' },
        { type: 'check', path: '/nope', version: -1 },
      ],
    });
    expect(failed).toEqual({
      type: 'multi',
      results: [
        { type: 'error', err: 0 },
        { type: 'error', err: ZkCode.NoNode },
      ],
    });
    const check = { type: 'check', path: '/', version: -1 } as const;
    expect(await code({ xid: 2, type: 'multi', ops: [check, check, check] })).toBe('BadArguments');
    const read = { op: 'getData', path: '/' } as const;
    expect(await code({ xid: 3, type: 'multiRead', ops: [read, read, read] })).toBe('BadArguments');
  });

  it("refuses a request past jute.maxbuffer with the core's DataTooLarge", async () => {
    const { code } = await setup();
    const big = {
      xid: 1,
      type: 'create',
      path: '/big',
      data: Buffer.alloc(256),
      acl,
      mode: 'persistent',
    } as const;
    expect(await code(big)).toBe('DataTooLarge');
  });

  it('answers reconfig as a standalone ZooKeeper: ReconfigDisabled', async () => {
    const { code } = await setup();
    const reconfig = {
      xid: 1,
      type: 'reconfig',
      joiningServers: null,
      leavingServers: null,
      newMembers: null,
      curConfigId: -1n,
    } as const;
    expect(await code(reconfig)).toBe('ReconfigDisabled');
  });

  it('names digest identities by user in whoAmI', async () => {
    const { zk, ctx, run } = await setup();
    zk.addAuth(ctx.sessionId, 'digest', 'alice:secret');
    await expect(run({ xid: 1, type: 'whoAmI' })).resolves.toEqual({
      type: 'whoAmI',
      clientInfo: [
        { authScheme: 'ip', user: '127.0.0.1' },
        { authScheme: 'digest', user: 'alice' },
      ],
    });
  });

  it('checks, adds and removes watches for the connection', async () => {
    const { code } = await setup();
    expect(await code({ xid: 1, type: 'checkWatches', path: '/', watcherType: 'any' })).toBe(
      'NoWatcher',
    );
    expect(await code({ xid: 2, type: 'addWatch', path: '/', mode: 'persistent-recursive' })).toBe(
      'ok',
    );
    expect(
      await code({ xid: 3, type: 'checkWatches', path: '/', watcherType: 'persistent-recursive' }),
    ).toBe('ok');
    expect(await code({ xid: 4, type: 'removeWatches', path: '/', watcherType: 'any' })).toBe('ok');
    expect(await code({ xid: 5, type: 'checkWatches', path: '/', watcherType: 'any' })).toBe(
      'NoWatcher',
    );
  });

  it('tells the requests the connection answers itself from the rest', () => {
    expect(isConnectionRequest({ xid: -2, type: 'ping' })).toBe(true);
    expect(isConnectionRequest({ xid: 1, type: 'closeSession' })).toBe(true);
    expect(isConnectionRequest({ xid: 1, type: 'whoAmI' })).toBe(false);
  });
});
