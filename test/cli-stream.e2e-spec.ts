import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningServer } from '../src/server/start-server';
import { startCli } from './support/cli-process';
import { startTestServer } from './support/test-server';
import { until } from './support/until';
import { ZoonestClient } from '@zoonest/client';
import { removeTempDirs, tempDir } from './support/temp-dir';

// Each command is a fresh Node process; on a busy machine a few of them take a while.
jest.setTimeout(60_000);

/** `zoonest watch`, `export` and `import` as a user runs them, against a real server. */
describe('zoonest CLI streams and backups', () => {
  let server: RunningServer;
  let client: ZoonestClient;
  let dir: string;

  const start = (args: string[], env?: Record<string, string>) => startCli(server.url, args, env);
  const zoonest = (...args: string[]) => start(args).done;

  beforeAll(async () => {
    server = await startTestServer();
    client = await ZoonestClient.connect({ servers: [server.url] });
    dir = await tempDir();
  });

  afterAll(async () => {
    await client.close();
    await server.stop();
    await removeTempDirs();
  });

  it('streams changes until Ctrl-C', async () => {
    await client.create('/watched', '');
    const watch = start(['watch', '-R', '/watched']);
    await until(
      () => watch.out.stderr.includes('-- watching /watched'),
      10_000,
      'the watch to start',
    );
    await client.create('/watched/a', '1');
    await client.setData('/watched/a', '2');
    await client.delete('/watched/a');
    await until(() => watch.out.stdout.split('\n').length > 3, 10_000, 'three events');
    watch.child.kill('SIGINT');
    const { code, stdout } = await watch.done;
    expect(code).toBe(0);
    expect(stdout.split('\n').map((l) => l.replace(/ zxid=\S+/, ''))).toEqual([
      'NodeCreated /watched/a',
      'NodeDataChanged /watched/a',
      'NodeDeleted /watched/a',
      '',
    ]);
  });

  it('streams JSON events from a past zxid', async () => {
    await client.create('/history', '');
    const from = client.lastZxid;
    await client.create('/history/x', 'old');
    const watch = start(['--json', 'watch', '/history', '--from-zxid', String(from)]);
    await until(() => watch.out.stdout.includes('\n'), 10_000, 'the replayed event');
    watch.child.kill('SIGTERM');
    const { code, stdout } = await watch.done;
    expect(code).toBe(0);
    expect(JSON.parse(stdout.split('\n')[0] as string)).toMatchObject({
      type: 'NodeCreated',
      path: '/history/x',
      zxid: from + 1,
    });
  });

  it('exports a subtree with data, mode and ACLs, and imports it back', async () => {
    await client.create('/conf', '{"level":1}');
    await client.create('/conf/bin', new Uint8Array([0xff, 0x00]));
    await client.create('/conf/locked', 'r', {
      acl: [{ scheme: 'world', id: 'anyone', perms: 'r' }],
    });
    await client.create('/conf/session', '', { mode: 'ephemeral' });
    const file = join(dir, 'conf.json');
    const exported = await zoonest('export', '/conf');
    expect(exported.code).toBe(0);
    expect(exported.stderr).toBe('skipped 1 ephemeral node(s)\n');
    await writeFile(file, exported.stdout);
    const doc = JSON.parse(await readFile(file, 'utf8'));
    expect(doc).toMatchObject({ format: 'zoonest-export', version: 1, root: '/conf' });
    expect(doc.nodes.map((n: { path: string }) => n.path)).toEqual([
      '/conf',
      '/conf/bin',
      '/conf/locked',
    ]);

    const refused = await zoonest('import', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('NodeExists: /conf');

    await client.delete('/conf/session');
    await client.delete('/conf', { recursive: true });
    const [restored, copied] = await Promise.all([
      zoonest('import', file),
      zoonest('--json', 'import', '--to', '/backup/conf', file),
    ]);
    expect(restored.stdout).toBe(
      'Imported 3 node(s) under /conf: 3 created, 0 updated, 0 unchanged\n',
    );
    expect(JSON.parse(copied.stdout)).toEqual({
      root: '/backup/conf',
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    for (const root of ['/conf', '/backup/conf']) {
      expect((await client.getData(root, { encoding: 'utf8' })).data).toBe('{"level":1}');
      expect([...(await client.getData(`${root}/bin`)).data]).toEqual([0xff, 0x00]);
      expect((await client.getACL(`${root}/locked`)).acl).toEqual([
        { scheme: 'world', id: 'anyone', perms: 'r' },
      ]);
    }

    await client.setData('/conf', 'changed');
    const overwritten = await zoonest('import', '--overwrite', file);
    expect(overwritten.stdout).toContain('0 created, 1 updated, 2 unchanged');
    expect((await client.getData('/conf', { encoding: 'utf8' })).data).toBe('{"level":1}');
  });

  it('leaves ZooKeeper’s /zookeeper subtree out of an export of the root', async () => {
    const exported = await zoonest('export', '/');
    expect(exported.code).toBe(0);
    const doc = JSON.parse(exported.stdout);
    expect(doc.nodes.map((n: { path: string }) => n.path)).toContain('/');
    expect(doc.nodes.filter((n: { path: string }) => n.path.startsWith('/zookeeper'))).toEqual([]);
  });

  it('explains bad input files', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, '{"format":"something-else"}');
    const bad = await zoonest('import', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a zoonest export: "format" must be "zoonest-export"');
  });
});
