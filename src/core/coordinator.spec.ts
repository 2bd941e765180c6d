import { randomBytes } from 'node:crypto';
import { Perms } from './acl';
import { digestId } from './auth';
import { Coordinator } from './coordinator';
import type { ClientContext } from './coordinator-types';
import { InMemoryTxnStore } from './in-memory-txn-store';
import type { ChangeEvent, WatchEvent, Watcher } from './watch-event';
import { ZkCode } from './zk-code';
import { ZkError } from './zk-error';

class ManualClock {
  t = 1_700_000_000_000;
  now(): number {
    return this.t;
  }
}

const LIMITS = {
  juteMaxBuffer: 1024,
  minSessionTimeoutMs: 4_000,
  maxSessionTimeoutMs: 40_000,
  maxPendingWrites: 1_000,
};

async function setup(store = new InMemoryTxnStore()) {
  const clock = new ManualClock();
  const zk = await Coordinator.open({
    store,
    clock,
    entropy: { randomBytes },
    scheduler: { defer: (fn) => setImmediate(fn) },
    limits: LIMITS,
    elapsed: () => performance.now(),
  });
  return { zk, clock, store };
}

const anon: ClientContext = { sessionId: 0n, remoteAddress: '127.0.0.1' };
const buf = (s: string) => Buffer.from(s);

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    if (!(err instanceof ZkError)) throw err;
    return err.codeName;
  }
}

async function session(zk: Coordinator, timeoutMs = 10_000): Promise<ClientContext> {
  const s = await zk.openSession(timeoutMs, { transport: 'test', remoteAddress: '127.0.0.1' });
  return { sessionId: s.sessionId, remoteAddress: '127.0.0.1' };
}

class Recorder implements Watcher {
  events: WatchEvent[] = [];
  notify(e: WatchEvent): void {
    this.events.push(e);
  }
}

describe('Coordinator', () => {
  it('creates, reads, updates and deletes with a full Stat', async () => {
    const { zk, clock } = await setup();
    const created = await zk.create(anon, '/a', buf('one'));
    expect(created.path).toBe('/a');
    expect(created.stat).toMatchObject({
      version: 0,
      dataLength: 3,
      numChildren: 0,
      ctime: clock.t,
    });
    clock.t += 5;
    const stat = await zk.setData(anon, '/a', buf('two!'), 0);
    expect(stat).toMatchObject({
      version: 1,
      dataLength: 4,
      mtime: clock.t,
      czxid: created.stat.czxid,
    });
    expect(stat.mzxid).toBeGreaterThan(created.stat.mzxid);
    const read = await zk.getData(anon, '/a');
    expect(read.data.toString()).toBe('two!');
    await zk.delete(anon, '/a', 1);
    await expect(zk.exists(anon, '/a')).resolves.toBeNull();
  });

  it('answers with ZooKeeper error codes', async () => {
    const { zk } = await setup();
    await zk.create(anon, '/a', buf(''));
    expect(await codeOf(zk.create(anon, '/a', buf('')))).toBe('NodeExists');
    expect(await codeOf(zk.create(anon, '/x/y', buf('')))).toBe('NoNode');
    expect(await codeOf(zk.setData(anon, '/a', buf(''), 7))).toBe('BadVersion');
    expect(await codeOf(zk.create(anon, 'rel', buf('')))).toBe('BadArguments');
    expect(await codeOf(zk.delete(anon, '/zookeeper/quota'))).toBe('BadArguments');
    expect(await codeOf(zk.setData(anon, '/zookeeper/config', buf('')))).toBe('NoAuth');
    expect(await codeOf(zk.create(anon, '/big', Buffer.alloc(1025)))).toBe('DataTooLarge');
    await zk.create(anon, '/a/b', buf(''));
    expect(await codeOf(zk.delete(anon, '/a'))).toBe('NotEmpty');
    expect(await codeOf(zk.create(anon, '/e', buf(''), { mode: 'ephemeral' }))).toBe(
      'BadArguments',
    );
    expect(await codeOf(zk.delete(anon, '/'))).toBe('BadArguments');
  });

  it('numbers sequential nodes from the count of creates, as ZooKeeper does', async () => {
    const { zk } = await setup();
    await zk.create(anon, '/q', buf(''));
    const a = await zk.create(anon, '/q/item-', buf(''), { mode: 'persistent-sequential' });
    await zk.delete(anon, a.path);
    const b = await zk.create(anon, '/q/item-', buf(''), { mode: 'persistent-sequential' });
    const c = await zk.create(anon, '/q/other-', buf(''), { mode: 'persistent-sequential' });
    expect([a.path, b.path, c.path]).toEqual([
      '/q/item-0000000000',
      '/q/item-0000000001',
      '/q/other-0000000002',
    ]);
    // reported cversion counts creates and deletes: 3 creates + 1 delete
    const { stat } = await zk.getData(anon, '/q');
    expect([stat.cversion, stat.numChildren]).toEqual([4, 2]);
  });

  it('gives each write its own increasing zxid and batches a tick into one commit', async () => {
    const { zk, store } = await setup();
    const before = store.commits;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => zk.create(anon, `/n${i}`, buf(''))),
    );
    const zxids = results.map((r) => r.stat.czxid);
    expect(zxids).toEqual([...zxids].sort((x, y) => x - y));
    expect(new Set(zxids).size).toBe(20);
    expect(store.commits - before).toBe(1);
  });

  it('applies a multi all or nothing and reports per-op codes', async () => {
    const { zk } = await setup();
    await zk.create(anon, '/m', buf(''));
    const err = await zk
      .multi(anon, [
        {
          op: 'create',
          path: '/m/a',
          data: buf(''),
          acl: [{ scheme: 'world', id: 'anyone', perms: 31 }],
          mode: 'persistent',
        },
        { op: 'setData', path: '/m', data: buf('x'), version: 5 },
        { op: 'delete', path: '/m', version: -1 },
      ])
      .catch((e: ZkError) => e);
    expect(err).toBeInstanceOf(ZkError);
    expect((err as ZkError).multi).toEqual({
      failedIndex: 1,
      codes: [ZkCode.Ok, ZkCode.BadVersion, ZkCode.RuntimeInconsistency],
    });
    await expect(zk.exists(anon, '/m/a')).resolves.toBeNull();
    const ok = await zk.multi(anon, [
      { op: 'check', path: '/m', version: 0 },
      {
        op: 'create',
        path: '/m/a',
        data: buf(''),
        acl: [{ scheme: 'world', id: 'anyone', perms: 31 }],
        mode: 'persistent',
      },
      { op: 'setData', path: '/m/a', data: buf('y'), version: 0 },
    ]);
    expect(ok.map((r) => r.op)).toEqual(['check', 'create', 'setData']);
  });

  it('removes a session’s ephemerals in one transaction when it expires', async () => {
    const { zk, clock, store } = await setup();
    const s = await session(zk, 5_000);
    await zk.create(anon, '/svc', buf(''));
    await zk.create(s, '/svc/a', buf(''), { mode: 'ephemeral' });
    await zk.create(s, '/svc/b', buf(''), { mode: 'ephemeral-sequential' });
    expect(await codeOf(zk.create(s, '/svc/a/child', buf('')))).toBe('NoChildrenForEphemerals');
    const watcher = new Recorder();
    await zk.getChildren(anon, '/svc', watcher);
    clock.t += 5_001;
    expect(await zk.expireSessions()).toEqual([s.sessionId]);
    const closing = store.log.at(-1)!;
    expect(closing.ops.map((o) => o.op)).toEqual(['delete', 'delete', 'closeSession']);
    await expect(zk.getChildren(anon, '/svc')).resolves.toMatchObject({ children: [] });
    expect(watcher.events).toHaveLength(1);
    expect(await codeOf(zk.getData(s, '/svc'))).toBe('SessionExpired');
  });

  it('clamps session timeouts and resumes only with the right password', async () => {
    const { zk } = await setup();
    const short = await zk.openSession(10, { transport: 't', remoteAddress: '' });
    const long = await zk.openSession(1e9, { transport: 't', remoteAddress: '' });
    expect([short.timeoutMs, long.timeoutMs]).toEqual([4_000, 40_000]);
    const origin = { transport: 't', remoteAddress: '' };
    expect((await zk.resumeSession(short.sessionId, short.password, origin)).sessionId).toBe(
      short.sessionId,
    );
    await expect(zk.resumeSession(short.sessionId, Buffer.alloc(16), origin)).rejects.toThrow(
      'SessionExpired',
    );
  });

  it('delivers a watch event before the writer hears back, in zxid order', async () => {
    const { zk } = await setup();
    await zk.create(anon, '/w', buf(''));
    const order: string[] = [];
    const watcher: Watcher = { notify: (e) => order.push(`event ${e.type} ${e.zxid}`) };
    await zk.getData(anon, '/w', watcher);
    await zk.exists(anon, '/w/new', watcher);
    const write1 = zk.setData(anon, '/w', buf('1')).then((s) => order.push(`reply ${s.mzxid}`));
    const write2 = zk
      .create(anon, '/w/new', buf(''))
      .then((r) => order.push(`reply ${r.stat.czxid}`));
    await Promise.all([write1, write2]);
    expect(order[0]).toMatch(/^event NodeDataChanged/);
    expect(order[1]).toMatch(/^event NodeCreated/);
    expect(order.slice(2).every((o) => o.startsWith('reply'))).toBe(true);
  });

  it('lets a session read its own pipelined write', async () => {
    const { zk } = await setup();
    const s = await session(zk);
    const write = zk.create(s, '/mine', buf('v'));
    const read = zk.getData(s, '/mine');
    await write;
    await expect(read).resolves.toMatchObject({ data: buf('v') });
  });

  it('enforces digest and ip ACLs', async () => {
    const { zk } = await setup();
    const bob = await session(zk);
    zk.addAuth(bob.sessionId, 'digest', 'bob:secret');
    await zk.create(anon, '/private', buf('x'), {
      acl: [
        { scheme: 'digest', id: digestId('bob:secret'), perms: Perms.ALL },
        { scheme: 'ip', id: '10.0.0.0/8', perms: Perms.READ },
      ],
    });
    expect(await codeOf(zk.getData(anon, '/private'))).toBe('NoAuth');
    await expect(
      zk.getData({ sessionId: 0n, remoteAddress: '10.1.2.3' }, '/private'),
    ).resolves.toBeDefined();
    await expect(zk.setData(bob, '/private', buf('y'))).resolves.toMatchObject({ version: 1 });
    expect(
      await codeOf(zk.setData({ sessionId: 0n, remoteAddress: '10.1.2.3' }, '/private', buf('z'))),
    ).toBe('NoAuth');
    await zk.create(bob, '/mine', buf(''), { acl: [{ scheme: 'auth', id: '', perms: Perms.ALL }] });
    await expect(zk.getACL(bob, '/mine')).resolves.toMatchObject({
      acl: [{ scheme: 'digest', id: digestId('bob:secret'), perms: Perms.ALL }],
    });
    expect(
      await codeOf(zk.setACL(anon, '/mine', [{ scheme: 'world', id: 'anyone', perms: 31 }])),
    ).toBe('NoAuth');
  });

  it('reaps empty containers and expired TTL nodes', async () => {
    const { zk, clock } = await setup();
    await zk.create(anon, '/c', buf(''), { mode: 'container' });
    await zk.create(anon, '/fresh', buf(''), { mode: 'container' });
    await zk.create(anon, '/c/x', buf(''));
    await zk.delete(anon, '/c/x');
    await zk.create(anon, '/t', buf(''), { mode: 'persistent-ttl', ttlMs: 1_000 });
    expect(await codeOf(zk.create(anon, '/bad', buf(''), { mode: 'persistent-ttl' }))).toBe(
      'BadArguments',
    );
    expect(await zk.reap()).toBe(1);
    clock.t += 1_000;
    expect(await zk.reap()).toBe(1);
    const root = await zk.getChildren(anon, '/');
    expect(root.children).toEqual(['fresh', 'zookeeper']);
  });

  it('keeps persistent recursive watches and removes them on request', async () => {
    const { zk } = await setup();
    const w = new Recorder();
    await zk.addWatch(anon, '/r', 'persistent-recursive', w);
    await zk.create(anon, '/r', buf(''));
    await zk.create(anon, '/r/a', buf(''));
    await zk.setData(anon, '/r/a', buf('1'));
    expect(w.events.map((e) => `${e.type} ${e.path}`)).toEqual([
      'NodeCreated /r',
      'NodeCreated /r/a',
      'NodeDataChanged /r/a',
    ]);
    await zk.removeWatches(anon, '/r', 'any', w);
    expect(await codeOf(zk.removeWatches(anon, '/r', 'any', w))).toBe('NoWatcher');
  });

  it('re-registers watches after a reconnect and fires those that missed a change', async () => {
    const { zk } = await setup();
    await zk.create(anon, '/s', buf(''));
    const seen = zk.lastZxid;
    await zk.setData(anon, '/s', buf('changed'));
    await zk.create(anon, '/later', buf(''));
    const w = new Recorder();
    await zk.setWatches(
      anon,
      seen,
      {
        data: ['/s'],
        exist: ['/later', '/never'],
        child: [],
        persistent: [],
        persistentRecursive: [],
      },
      w,
    );
    expect(w.events.map((e) => `${e.type} ${e.path}`)).toEqual([
      'NodeDataChanged /s',
      'NodeCreated /later',
    ]);
    await zk.create(anon, '/never', buf(''));
    expect(w.events.at(-1)).toMatchObject({ type: 'NodeCreated', path: '/never' });
  });

  it('replays changes since a zxid, then streams live, each once', async () => {
    const { zk } = await setup();
    await zk.create(anon, '/f', buf(''));
    const from = zk.lastZxid;
    await zk.create(anon, '/f/a', buf(''));
    await zk.setData(anon, '/f/a', buf('1'));
    await zk.create(anon, '/elsewhere', buf(''));
    const got: ChangeEvent[] = [];
    const sub = await zk.subscribe(anon, '/f', { recursive: true, fromZxid: from }, (e) =>
      got.push(e),
    );
    expect(sub.fromZxid).toBe(from);
    const live = await zk.subscribe(anon, '/f', { recursive: false }, () => undefined);
    expect(live.fromZxid).toBe(zk.lastZxid);
    live.cancel();
    await zk.delete(anon, '/f/a');
    expect(got.map((e) => `${e.type} ${e.path}`)).toEqual([
      'NodeCreated /f/a',
      'NodeDataChanged /f/a',
      'NodeDeleted /f/a',
    ]);
    expect(got.map((e) => e.zxid)).toEqual([...got.map((e) => e.zxid)].sort((a, b) => a - b));
    sub.cancel();
    await zk.create(anon, '/f/b', buf(''));
    expect(got).toHaveLength(3);
  });

  it('refuses a replay older than the retained history', async () => {
    const { zk } = await setup(new InMemoryTxnStore(3));
    for (let i = 0; i < 6; i++) await zk.create(anon, `/h${i}`, buf(''));
    const err = await zk
      .subscribe(anon, '/', { recursive: true, fromZxid: 1 }, () => undefined)
      .catch((e: ZkError) => e);
    expect(err).toBeInstanceOf(ZkError);
    expect((err as ZkError).codeName).toBe('HistoryUnavailable');
    expect((err as ZkError).info).toEqual({ oldestZxid: 4 });
  });

  it('loses nothing acknowledged and applies nothing unacknowledged when a commit fails', async () => {
    const store = new InMemoryTxnStore();
    const { zk } = await setup(store);
    await zk.create(anon, '/kept', buf(''));
    store.failNext = new Error('disk full');
    expect(await codeOf(zk.create(anon, '/lost', buf('')))).toBe('SystemError');
    await expect(zk.exists(anon, '/lost')).resolves.toBeNull();
    const again = await zk.create(anon, '/next', buf(''));
    const reopened = await setup(store);
    await expect(reopened.zk.exists(anon, '/kept')).resolves.not.toBeNull();
    expect(reopened.zk.lastZxid).toBe(again.stat.czxid);
  });

  it('reloads the tree and sessions and continues the zxid after a restart', async () => {
    const store = new InMemoryTxnStore();
    const first = await setup(store);
    const s = await session(first.zk);
    await first.zk.create(anon, '/p', buf('data'));
    await first.zk.create(s, '/p/e', buf(''), { mode: 'ephemeral' });
    const last = first.zk.lastZxid;
    const second = await setup(store);
    expect(second.zk.lastZxid).toBe(last);
    await expect(second.zk.getData(anon, '/p')).resolves.toMatchObject({
      data: buf('data'),
      stat: { numChildren: 1 },
    });
    const next = await second.zk.create(anon, '/q', buf(''));
    expect(next.stat.czxid).toBe(last + 1);
    expect(second.zk.session(s.sessionId)).toBeDefined();
  });

  it('deletes a subtree in one go and counts descendants', async () => {
    const { zk } = await setup();
    await zk.create(anon, '/t', buf(''));
    await zk.create(anon, '/t/a', buf(''));
    await zk.create(anon, '/t/a/b', buf(''));
    await zk.create(anon, '/t/c', buf(''));
    await expect(zk.getAllChildrenNumber(anon, '/t')).resolves.toBe(3);
    await zk.deleteRecursive(anon, '/t');
    await expect(zk.exists(anon, '/t')).resolves.toBeNull();
  });

  it('sums path and data lengths as the approximate data size', async () => {
    const { zk } = await setup();
    // "/", "/zookeeper", "/zookeeper/quota" and "/zookeeper/config", as a new ZooKeeper counts.
    const system = 1 + 10 + 16 + 17;
    expect(zk.approximateDataSize()).toBe(system);
    await zk.create(anon, '/ab', buf('xyz'));
    await zk.create(anon, '/ab/c', buf(''));
    expect(zk.approximateDataSize()).toBe(system + 3 + 3 + 5);
    await zk.setData(anon, '/ab', buf('x'));
    expect(zk.approximateDataSize()).toBe(system + 3 + 1 + 5);
  });

  it('refuses writes beyond the pending limit with Throttled', async () => {
    const { zk } = await setup();
    const writes = Array.from({ length: LIMITS.maxPendingWrites + 5 }, (_, i) =>
      codeOf(zk.create(anon, `/flood${i}`, buf(''))),
    );
    const codes = await Promise.all(writes);
    expect(codes.filter((c) => c === 'Throttled')).toHaveLength(5);
    expect(codes.filter((c) => c === undefined)).toHaveLength(LIMITS.maxPendingWrites);
  });
});
