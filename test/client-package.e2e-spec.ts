import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RunningServer } from '../src/server/start-server';
import { startTestServer } from './support/test-server';
import { removeTempDirs } from './support/temp-dir';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const PACKAGE = join(ROOT, 'packages', 'client');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
/** Strict TypeScript as a user's project has it; Node's types from this repository's install. */
const TS_FLAGS = [
  '--strict',
  '--target',
  'es2022',
  '--module',
  'nodenext',
  '--moduleResolution',
  'nodenext',
  '--lib',
  'es2022,dom',
  '--typeRoots',
  join(ROOT, 'node_modules', '@types'),
  '--types',
  'node',
];

/** Every class and helper the README and docs/recipes.md name. */
const DOCUMENTED = [
  'ZoonestClient',
  'ZoonestError',
  'isZoonestError',
  'ErrorCode',
  'Ids',
  'Perms',
  'parseAcl',
  'formatAcl',
  'NodeCache',
  'TreeCache',
  'InterProcessMutex',
  'LockTimeoutError',
  'InterProcessReadWriteLock',
  'InterProcessSemaphoreV2',
  'Lease',
  'LeaderLatch',
  'DistributedQueue',
  'DistributedBarrier',
  'DistributedDoubleBarrier',
  'DistributedAtomicLong',
  'ServiceDiscovery',
  'LoadBalancer',
  'PartitionProducer',
  'GroupConsumer',
  'ConfigClient',
  'RecipePaths',
];

/** What only the server needs; none of it may come with the client. */
const SERVER_ONLY = [
  '@nestjs',
  'typeorm',
  'better-sqlite3',
  'pg',
  'socket.io',
  'express',
  'reflect-metadata',
  'pino',
  '@grpc',
];

describe('@zoonest/client installed from its tarball into a project outside the repository', () => {
  let app: string;
  let server: RunningServer;
  const node = (args: string[]) => run(process.execPath, args, { cwd: app });

  beforeAll(async () => {
    await run('npm', ['run', 'build'], { cwd: PACKAGE });
    app = await mkdtemp(join(tmpdir(), 'zoonest-client-app-'));
    const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', app], {
      cwd: PACKAGE,
    });
    const tarball = stdout.trim().split('\n').pop() ?? '';
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({ name: 'app', private: true, type: 'module' }),
    );
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`], {
      cwd: app,
    });
    server = await startTestServer();
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await rm(app, { recursive: true, force: true });
    await removeTempDirs();
  });

  it('brings none of the server dependencies', async () => {
    const installed = await readdir(join(app, 'node_modules'));
    expect(installed.filter((name) => SERVER_ONLY.includes(name))).toEqual([]);
    expect(await readdir(join(app, 'node_modules', '@zoonest'))).toEqual(['client']);
  });

  it('exports every documented name to ES modules and to CommonJS', async () => {
    const esm = await node([
      '--input-type=module',
      '-e',
      "import * as c from '@zoonest/client'; console.log(JSON.stringify(Object.keys(c)))",
    ]);
    const cjs = await node([
      '--input-type=commonjs',
      '-e',
      "console.log(JSON.stringify(Object.keys(require('@zoonest/client'))))",
    ]);
    for (const out of [esm.stdout, cjs.stdout]) {
      expect(DOCUMENTED.filter((name) => !(JSON.parse(out) as string[]).includes(name))).toEqual(
        [],
      );
    }
  });

  it('type-checks a program using every recipe against the installed types, and runs it', async () => {
    await cp(join(__dirname, 'client-package', 'every-recipe.ts'), join(app, 'every-recipe.ts'));
    await node([TSC, ...TS_FLAGS, '--outDir', 'out', 'every-recipe.ts']);
    const { stdout } = await node(['out/every-recipe.js', server.url]);
    expect(stdout.trim()).toBe('ok');
  }, 60_000);

  it('builds the examples against the package and runs one', async () => {
    const dir = join(app, 'examples');
    await mkdir(dir);
    await cp(join(ROOT, 'examples'), dir, { recursive: true });
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'commonjs' }));
    const files = (await readdir(dir)).filter((f) => f.endsWith('.ts'));
    await node([
      TSC,
      ...TS_FLAGS,
      '--outDir',
      'examples/out',
      ...files.map((f) => `examples/${f}`),
    ]);
    const { stdout } = await run(process.execPath, ['out/queue-workers.js', 'produce', '2'], {
      cwd: dir,
      env: { ...process.env, ZOONEST_URL: server.url },
    });
    expect(stdout).toMatch(/^put job-0 as .*\nput job-1 as /);
  }, 60_000);
});
