import type { RunningServer } from '../src/server/start-server';
import { startCli } from './support/cli-process';
import { startTestServer } from './support/test-server';
import { ZoonestClient } from '@zoonest/client';
import { freePort } from './support/server-process';
import { removeTempDirs } from './support/temp-dir';

// Each command is a fresh Node process; on a busy machine a few of them take a while.
jest.setTimeout(60_000);

/** `zoonest`'s node commands as a user runs them: its own process, a real server. */
describe('zoonest CLI', () => {
  let server: RunningServer;
  let client: ZoonestClient;

  const start = (args: string[], env?: Record<string, string>) => startCli(server.url, args, env);
  const zoonest = (...args: string[]) => start(args).done;

  beforeAll(async () => {
    server = await startTestServer();
    client = await ZoonestClient.connect({ servers: [server.url] });
  });

  afterAll(async () => {
    await client.close();
    await server.stop();
    await removeTempDirs();
  });

  it('creates nodes of each kind with zkCli flags', async () => {
    await client.create('/app', 'hello');
    // First under /app, so its suffix is the first ZooKeeper hands out there.
    const seq = await zoonest('create', '-s', '/app/item-', 'one');
    const [box, ttl, eph, both] = await Promise.all([
      zoonest('create', '-c', '/box'),
      zoonest('create', '-t', '60000', '/ttl', 'read-only', 'world:anyone:r'),
      zoonest('--json', 'create', '-e', '/app/eph'),
      zoonest('create', '-e', '-c', '/bad'),
    ]);
    expect([box.code, box.stdout]).toEqual([0, 'Created /box\n']);
    expect([ttl.code, ttl.stdout]).toEqual([0, 'Created /ttl\n']);
    expect(seq.stdout).toBe('Created /app/item-0000000000\n');
    expect(JSON.parse(eph.stdout)).toEqual({ path: '/app/eph', mode: 'ephemeral' });
    // The ephemeral lived as long as its command.
    expect(await client.exists('/app/eph')).toBeNull();
    expect((await client.getACL('/ttl')).acl).toEqual([
      { scheme: 'world', id: 'anyone', perms: 'r' },
    ]);
    expect([both.code, both.stderr]).toEqual([2, 'zoonest: choose at most one of -e, -c and -t\n']);
  });

  it('lists, reads and stats nodes, for people and as JSON', async () => {
    await client.create('/ls/b/deep', 'x', { createParents: true });
    await client.create('/ls/a', 'data of a');
    const [ls, lsR, lsJson, get, stat] = await Promise.all([
      zoonest('ls', '/ls'),
      zoonest('ls', '-R', '/ls'),
      zoonest('--json', 'ls', '-s', '/ls'),
      zoonest('get', '-s', '/ls/a'),
      zoonest('stat', '/ls/b'),
    ]);
    expect(ls.stdout).toBe('a\nb\n');
    expect(lsR.stdout).toBe('/ls\n/ls/a\n/ls/b\n/ls/b/deep\n');
    expect(JSON.parse(lsJson.stdout)).toMatchObject({
      path: '/ls',
      children: ['a', 'b'],
      stat: { numChildren: 2 },
    });
    expect(get.stdout).toMatch(/^data of a\ncZxid = 0x[0-9a-f]+\n/);
    expect(get.stdout).toContain('dataVersion = 0\n');
    expect(stat.stdout).toContain('numChildren = 1\n');
    expect(stat.stdout).toContain('ephemeralOwner = 0x0\n');
  });

  it('prints data byte for byte, and binary data as base64 in JSON', async () => {
    await client.create('/bin', new Uint8Array([0, 1, 254, 255]));
    const raw = start(['get', '/bin']);
    const chunks: Buffer[] = [];
    raw.child.stdout.on('data', (c: Buffer) => chunks.push(c));
    await raw.done;
    expect([...Buffer.concat(chunks)]).toEqual([0, 1, 254, 255]);
    const json = await zoonest('--json', 'get', '/bin');
    expect(JSON.parse(json.stdout)).toMatchObject({ data: 'AAH+/w==', encoding: 'base64' });
  });

  it('sets data at a version, and says BadVersion with exit code 1', async () => {
    await client.create('/set', 'v0');
    const ok = await zoonest('set', '-v', '0', '/set', 'v1');
    expect([ok.code, ok.stdout]).toEqual([0, '']);
    const stale = await zoonest('set', '-v', '0', '/set', 'v2');
    expect([stale.code, stale.stderr]).toEqual([1, 'zoonest: BadVersion: /set\n']);
    expect((await client.getData('/set', { encoding: 'utf8' })).data).toBe('v1');
  });

  it('deletes at a version, and whole subtrees with deleteall', async () => {
    await client.create('/gone/a/b', '', { createParents: true });
    await client.create('/single', '');
    const [one, all] = await Promise.all([
      zoonest('delete', '-v', '0', '/single'),
      zoonest('deleteall', '/gone'),
    ]);
    expect([one.code, all.code]).toEqual([0, 0]);
    expect(await client.exists('/single')).toBeNull();
    expect(await client.exists('/gone')).toBeNull();
  });

  it('reads and sets ACLs, and proves identities with --auth', async () => {
    await client.create('/guarded', 'secret');
    const set = await zoonest('--auth', 'digest:bob:pw', 'setAcl', '/guarded', 'auth::cdrwa');
    expect(set.code).toBe(0);
    const [refused, allowed, bad] = await Promise.all([
      zoonest('get', '/guarded'),
      zoonest('--auth', 'digest:bob:pw', 'getAcl', '/guarded'),
      zoonest('setAcl', '/guarded', 'world:anyone:xyz'),
    ]);
    expect([refused.code, refused.stderr]).toEqual([1, 'zoonest: NoAuth: /guarded\n']);
    expect(allowed.stdout).toMatch(/^digest:bob:\S+:cdrwa\n$/);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('permissions other than the letters c, d, r, w, a');
  });

  it('syncs', async () => {
    const { stdout } = await zoonest('sync', '/');
    expect(stdout).toBe('Sync is OK\n');
  });

  it('answers errors with clear messages and exit codes', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const [json, usage, unreachable, viaFlag] = await Promise.all([
      zoonest('--json', 'stat', '/does/not/exist'),
      zoonest('create'),
      start(['ls', '/', '--timeout', '1000'], { ZOONEST_SERVER: dead }).done,
      start(['--server', server.url, 'ls', '/app'], { ZOONEST_SERVER: dead }).done,
    ]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toEqual({
      error: { code: -101, name: 'NoNode', message: 'NoNode: /does/not/exist' },
    });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("missing required argument 'path'");
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toContain(`cannot reach ${dead}`);
    expect([viaFlag.code, viaFlag.stdout]).toEqual([0, 'item-0000000000\n']);
  });
});
