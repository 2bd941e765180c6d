import type { RunningServer } from '../src/server/start-server';
import { startTestServer } from './support/test-server';
import {
  type ChangeEvent,
  ErrorCode,
  Ids,
  type WatchedEvent,
  ZoonestClient,
  ZoonestError,
} from '@zoonest/client';
import { removeTempDirs } from './support/temp-dir';
import { failure } from './support/zoonest-failure';

/** The SDK's operations, errors and watches against a real server. */
describe('SDK', () => {
  let server: RunningServer;
  let client: ZoonestClient;
  const clients: ZoonestClient[] = [];

  const connect = async (opts: Partial<Parameters<typeof ZoonestClient.connect>[0]> = {}) => {
    const c = await ZoonestClient.connect({ servers: [server.url], ...opts });
    clients.push(c);
    return c;
  };

  /** A promise of the next call of a one-shot watcher. */
  const nextEvent = () => {
    let watch!: (e: WatchedEvent) => void;
    const fired = new Promise<WatchedEvent>((resolve) => (watch = resolve));
    return { watch, fired };
  };

  beforeAll(async () => {
    server = await startTestServer();
    client = await connect();
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server.stop();
    await removeTempDirs();
  });

  describe('nodes', () => {
    it('creates every kind of node and reads it back with its Stat', async () => {
      await client.create('/kinds');
      expect(await client.create('/kinds/p', 'persistent')).toBe('/kinds/p');
      await client.create('/kinds/e', 'mine', { mode: 'ephemeral' });
      const seq = await client.create('/kinds/s-', '', { mode: 'persistent-sequential' });
      await client.create('/kinds/c', '', { mode: 'container' });
      await client.create('/kinds/t', 'short-lived', { ttlMs: 60_000 });

      expect(seq).toMatch(/^\/kinds\/s-\d{10}$/);
      const withStat = await client.create('/kinds/w', 'x', { includeStat: true });
      expect(withStat).toMatchObject({ path: '/kinds/w', stat: { version: 0, dataLength: 1 } });
      const p = await client.getData('/kinds/p', { encoding: 'utf8' });
      expect(p.data).toBe('persistent');
      expect(p.stat).toMatchObject({ version: 0, dataLength: 10, ephemeralOwner: '0' });
      expect((await client.exists('/kinds/e'))?.ephemeralOwner).toBe(client.sessionId);
      expect(await client.getChildren('/kinds')).toEqual(['c', 'e', 'p', seq.slice(7), 't', 'w']);
      expect(await client.getAllChildrenNumber('/kinds')).toBe(6);
      expect(await client.getEphemerals('/kinds')).toEqual(['/kinds/e']);
    });

    it('round-trips bytes that are not text', async () => {
      const bytes = new Uint8Array([0, 255, 0xc3, 0x28, 10]);
      await client.create('/binary', bytes);
      const { data, stat } = await client.getData('/binary');
      expect([...data]).toEqual([...bytes]);
      expect(stat.dataLength).toBe(5);
    });

    it('sets data at a version and reports BadVersion as a typed error', async () => {
      await client.create('/versioned', 'v0');
      const stat = await client.setData('/versioned', 'v1', { version: 0 });
      expect(stat.version).toBe(1);
      const err = await failure(client.setData('/versioned', 'v2', { version: 0 }));
      expect(err).toMatchObject({ code: ErrorCode.BadVersion, codeName: 'BadVersion' });
      expect(err.is('BadVersion')).toBe(true);
      expect((await client.getData('/versioned', { encoding: 'utf8' })).data).toBe('v1');
    });

    it('names NoNode, NodeExists, NotEmpty and NoChildrenForEphemerals', async () => {
      await client.create('/errs');
      await client.create('/errs/child');
      await client.create('/errs/eph', '', { mode: 'ephemeral' });
      const names = await Promise.all([
        failure(client.getData('/errs/missing')),
        failure(client.create('/errs')),
        failure(client.delete('/errs')),
        failure(client.create('/errs/eph/x')),
        failure(client.create('no-slash')),
      ]);
      expect(names.map((e) => e.codeName)).toEqual([
        'NoNode',
        'NodeExists',
        'NotEmpty',
        'NoChildrenForEphemerals',
        'BadArguments',
      ]);
    });

    it('deletes at a version, and a whole subtree with recursive', async () => {
      await client.create('/del', '', { createParents: true });
      await client.create('/del/a/b/c', '', { createParents: true });
      expect((await failure(client.delete('/del/a/b/c', { version: 3 }))).codeName).toBe(
        'BadVersion',
      );
      await client.delete('/del/a/b/c', { version: 0 });
      await client.create('/del/a/b/d');
      await client.delete('/del', { recursive: true });
      expect(await client.exists('/del')).toBeNull();
    });

    it('creates missing parents on request, and ensures paths', async () => {
      expect(await client.create('/deep/er/node', 'x', { createParents: true })).toBe(
        '/deep/er/node',
      );
      await client.ensurePath('/deep/er/still/deeper');
      expect(await client.getChildren('/deep/er')).toEqual(['node', 'still']);
    });

    it('returns children with the parent Stat, and reads several nodes at once', async () => {
      await client.create('/many');
      await client.create('/many/b', 'B');
      await client.create('/many/a', 'A');
      const { children, stat } = await client.getChildren('/many', { includeStat: true });
      expect(children).toEqual(['a', 'b']);
      expect(stat.numChildren).toBe(2);
      const results = await client.multiRead([
        { op: 'getData', path: '/many/a' },
        { op: 'getChildren', path: '/many' },
        { op: 'getData', path: '/many/zzz' },
      ]);
      expect(results[0]).toMatchObject({ op: 'getData' });
      expect(Buffer.from((results[0] as { data: Uint8Array }).data).toString()).toBe('A');
      expect(results[1]).toEqual({ op: 'getChildren', children: ['a', 'b'] });
      expect((results[2] as { error: ZoonestError }).error.codeName).toBe('NoNode');
    });

    it('pipelines requests: many in flight, answered in order', async () => {
      await client.create('/pipe');
      const paths = await Promise.all(
        Array.from({ length: 200 }, () =>
          client.create('/pipe/n-', '', { mode: 'persistent-sequential' }),
        ),
      );
      expect(paths).toEqual(
        Array.from({ length: 200 }, (_, i) => `/pipe/n-${String(i).padStart(10, '0')}`),
      );
    });

    it('sync moves the last zxid seen up to the server', async () => {
      await client.sync('/');
      expect(client.lastZxid).toBe(server.coordinator.lastZxid);
    });
  });

  describe('transactions', () => {
    it('commits all ops at once with each result', async () => {
      await client.create('/tx', 'old');
      const results = await client
        .transaction()
        .create('/tx/a', 'A')
        .setData('/tx', 'new', { version: 0 })
        .check('/tx/a', 0)
        .delete('/tx/a')
        .commit();
      expect(results.map((r) => r.op)).toEqual(['create', 'setData', 'check', 'delete']);
      expect(results[0]).toMatchObject({ op: 'create', path: '/tx/a' });
      expect((await client.getData('/tx', { encoding: 'utf8' })).data).toBe('new');
    });

    it('applies nothing when an op fails, and reports every op', async () => {
      const err = await failure(
        client.transaction().create('/tx/b').setData('/tx', 'x', { version: 99 }).commit(),
      );
      expect(err.codeName).toBe('BadVersion');
      expect(err.results?.map((r) => r.codeName)).toEqual(['Ok', 'BadVersion']);
      expect(await client.exists('/tx/b')).toBeNull();
    });
  });

  describe('ACLs', () => {
    it('keeps a node to the identities that created it', async () => {
      const owner = await connect({ auth: { scheme: 'digest', credentials: 'alice:secret' } });
      await owner.create('/private', 'secret', { acl: Ids.CREATOR_ALL_ACL });
      const { acl } = await owner.getACL('/private');
      expect(acl).toEqual([
        { scheme: 'digest', id: expect.stringMatching(/^alice:/), perms: 'cdrwa' },
      ]);
      expect((await failure(client.getData('/private'))).codeName).toBe('NoAuth');

      const stranger = await connect();
      await stranger.addAuth('digest', 'alice:secret');
      expect((await stranger.getData('/private', { encoding: 'utf8' })).data).toBe('secret');
    });

    it('sets an ACL at a version', async () => {
      await client.create('/acl', 'x');
      const stat = await client.setACL('/acl', Ids.READ_ACL_UNSAFE, { version: 0 });
      expect(stat.aversion).toBe(1);
      expect((await client.getACL('/acl')).acl).toEqual([
        { scheme: 'world', id: 'anyone', perms: 'r' },
      ]);
      expect((await failure(client.setData('/acl', 'y'))).codeName).toBe('NoAuth');
    });

    it('fails to connect with credentials the server refuses', async () => {
      const err = await failure(connect({ auth: { scheme: 'nope', credentials: 'x' } }));
      expect(err.codeName).toBe('AuthFailed');
    });
  });

  describe('watches', () => {
    it('fires a one-shot data watch once', async () => {
      await client.create('/w1', 'a');
      const { watch, fired } = nextEvent();
      const calls: WatchedEvent[] = [];
      await client.getData('/w1', { watch: (e) => (calls.push(e), watch(e)) });
      await client.setData('/w1', 'b');
      await client.setData('/w1', 'c');
      expect(await fired).toMatchObject({ type: 'NodeDataChanged', path: '/w1' });
      await client.sync();
      expect(calls).toHaveLength(1);
    });

    it('fires an exists watch on creation and a child watch on a new child', async () => {
      const created = nextEvent();
      expect(await client.exists('/w2', { watch: created.watch })).toBeNull();
      await client.create('/w2');
      expect(await created.fired).toMatchObject({ type: 'NodeCreated', path: '/w2' });

      const child = nextEvent();
      await client.getChildren('/w2', { watch: child.watch });
      await client.create('/w2/kid');
      expect(await child.fired).toMatchObject({ type: 'NodeChildrenChanged', path: '/w2' });
    });

    it('fires data and child watches with NodeDeleted', async () => {
      await client.create('/w3');
      const data = nextEvent();
      const kids = nextEvent();
      await client.getData('/w3', { watch: data.watch });
      await client.getChildren('/w3', { watch: kids.watch });
      await client.delete('/w3');
      expect((await data.fired).type).toBe('NodeDeleted');
      expect((await kids.fired).type).toBe('NodeDeleted');
    });

    it('removes one-shot watches', async () => {
      await client.create('/w4');
      let fired = false;
      await client.getData('/w4', { watch: () => (fired = true) });
      await client.removeWatches('/w4', 'data');
      await client.setData('/w4', 'x');
      await client.sync();
      expect(fired).toBe(false);
      expect((await failure(client.removeWatches('/w4'))).codeName).toBe('NoWatcher');
    });

    it('keeps a persistent watch until removed, with ZooKeeper events', async () => {
      await client.create('/pw');
      const events: WatchedEvent[] = [];
      const watch = await client.addWatch('/pw', (e) => events.push(e));
      await client.setData('/pw', '1');
      await client.create('/pw/kid');
      await client.setData('/pw/kid', 'ignored: a grandchild-level data change');
      await client.setData('/pw', '2');
      await client.sync();
      await watch.remove();
      await client.setData('/pw', '3');
      await client.sync();
      expect(events.map((e) => `${e.type} ${e.path}`)).toEqual([
        'NodeDataChanged /pw',
        'NodeChildrenChanged /pw',
        'NodeDataChanged /pw',
      ]);
    });

    it('hears every node below with a persistent-recursive watch', async () => {
      await client.create('/rw');
      const events: WatchedEvent[] = [];
      const watch = await client.addWatch('/rw', (e) => events.push(e), {
        mode: 'persistent-recursive',
      });
      await client.create('/rw/a');
      await client.create('/rw/a/b', 'x');
      await client.setData('/rw/a/b', 'y');
      await client.delete('/rw/a/b');
      await client.sync();
      await watch.remove();
      expect(events.map((e) => `${e.type} ${e.path}`)).toEqual([
        'NodeCreated /rw/a',
        'NodeCreated /rw/a/b',
        'NodeDataChanged /rw/a/b',
        'NodeDeleted /rw/a/b',
      ]);
    });

    it('streams changes with for await, from a past zxid too', async () => {
      await client.create('/stream');
      const before = client.lastZxid;
      await client.create('/stream/old', 'x');

      const live = client.watch('/stream', { recursive: true });
      await live.ready;
      const replayed = client.watch('/stream', { recursive: true, fromZxid: before });
      await client.create('/stream/new');
      await client.create('/stream/new/deeper');

      const take = async (stream: AsyncIterable<ChangeEvent>, n: number) => {
        const got: string[] = [];
        for await (const e of stream) if (got.push(`${e.type} ${e.path}`) === n) break;
        return got;
      };
      expect(await take(live, 2)).toEqual([
        'NodeCreated /stream/new',
        'NodeCreated /stream/new/deeper',
      ]);
      expect(await take(replayed, 3)).toEqual([
        'NodeCreated /stream/old',
        'NodeCreated /stream/new',
        'NodeCreated /stream/new/deeper',
      ]);
    });

    it('ends a stream with a typed error when it cannot be served', async () => {
      const stream = client.watch('/x', { fromZxid: server.coordinator.lastZxid + 1000 });
      await expect(stream.next()).rejects.toMatchObject({ codeName: 'BadArguments' });
    });
  });

  describe('sessions', () => {
    it('reports its states as events and as an async iterator', async () => {
      const c = await connect();
      const seen: string[] = [];
      c.on('state', (s) => seen.push(s));
      const states = c.states();
      await c.close();
      const iterated: string[] = [];
      for await (const s of states) iterated.push(s);
      expect(seen).toEqual(['closed']);
      expect(iterated).toEqual(['closed']);
    });

    it('removes its ephemerals at once on close, and refuses requests after', async () => {
      const c = await connect();
      await c.create('/leaving', '', { mode: 'ephemeral' });
      await c.close();
      expect(await client.exists('/leaving')).toBeNull();
      expect((await failure(c.getData('/'))).codeName).toBe('ConnectionLoss');
    });

    it('gives up connecting after connectTimeoutMs with a clear error', async () => {
      const err = await failure(
        ZoonestClient.connect({ servers: ['http://127.0.0.1:1'], connectTimeoutMs: 500 }),
      );
      expect(err.code).toBe(ErrorCode.ConnectionLoss);
      expect(err.message).toContain('http://127.0.0.1:1');
    });
  });
});
