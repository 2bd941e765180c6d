import { spawnServer, freePort } from '../test/support/server-process';
import { removeTempDirs, tempDir } from '../test/support/temp-dir';
import { findZooKeeper } from '../test/support/zookeeper-install';
import { zookeeperLauncher, zoonestLauncher, type BenchLauncher } from './bench-servers';
import { compiledServer } from './compiled-server';
import { printTable, type Result } from './percentiles';
import { recipesBench } from './recipes-bench';
import { printScale, scaleBench, type ScaleFigures, type ScaleShape } from './scale-bench';
import { socketIoBench } from './socketio-bench';
import { xdsBench } from './xds-bench';
import { printComparison, zookeeperBench, type ZooKeeperBenchOptions } from './zookeeper-bench';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const SHAPE = {
  clients: 16,
  inFlight: 32,
  perClient: env('BENCH_OPS_PER_CLIENT', 2000),
  watchSamples: 500,
};
const EXTRA: NonNullable<ZooKeeperBenchOptions['extra']> = {
  multisPerClient: env('BENCH_MULTIS_PER_CLIENT', 500),
  multiOps: 10,
  lockAcquisitions: env('BENCH_LOCK_ACQUISITIONS', 2000),
  lockContenders: 8,
  cleanupSamples: 5,
  ephemeralsPerSession: 1000,
};
/** BENCH_SCALE_PARENTS=100 makes a quick 100K run of `npm run bench -- scale`. */
const SCALE: ScaleShape = {
  parents: env('BENCH_SCALE_PARENTS', 1000),
  childrenPerParent: env('BENCH_SCALE_CHILDREN', 1000),
  checkpoints: [10, 100],
  sessions: 8,
  inFlight: 64,
  workloads: SHAPE,
};
/** BENCH_PROTOCOLS=zookeeper runs only the wire-protocol comparison. */
const PROTOCOLS = (process.env.BENCH_PROTOCOLS ?? 'socketio,zookeeper,recipes').split(',');
const RECIPES = { clients: 8, handoffs: 2000, items: 4000 };

const ZK_TITLE = 'ZooKeeper protocol (node-zookeeper-client), 16 clients x 32 in flight, 100 B';

/** `npm run bench`: a real server in its own process on SQLite, driven over loopback. */
async function standard(): Promise<void> {
  const zkPort = await freePort();
  const server = await spawnServer({
    ZOONEST_HTTP_PORT: String(await freePort()),
    ZOONEST_ZK_PORT: String(zkPort),
    ZOONEST_DATA_DIR: await tempDir('zoonest-bench-'),
    ZOONEST_LOG_LEVEL: 'warn',
  });
  let zoonest: Result[] = [];
  try {
    if (PROTOCOLS.includes('socketio')) {
      const results = await socketIoBench({ url: server.url, ...SHAPE });
      printTable('Socket.IO, 16 clients x 32 in flight, SQLite (WAL, synchronous=FULL)', results);
    }
    if (PROTOCOLS.includes('zookeeper')) {
      zoonest = await zookeeperBench({
        connectString: `127.0.0.1:${zkPort}`,
        ...SHAPE,
        extra: EXTRA,
      });
      printTable(`${ZK_TITLE}, against Zoonest on SQLite`, zoonest);
    }
    if (PROTOCOLS.includes('recipes')) {
      const results = await recipesBench({ url: server.url, ...RECIPES });
      printTable('Recipes: one contended lock, one queue, 8 clients', results);
    }
  } finally {
    await server.kill('SIGTERM');
  }
  const zk = zooKeeper();
  if (zoonest.length === 0 || !zk) return;
  const zookeeper = await onFreshServer(zk, (cs) =>
    zookeeperBench({ connectString: cs, ...SHAPE, extra: EXTRA }),
  );
  printTable(`${ZK_TITLE}, against Apache ZooKeeper 3.8 standalone`, zookeeper);
  printComparison('Zoonest vs Apache ZooKeeper, ZooKeeper protocol', zoonest, zookeeper);
}

/** `npm run bench -- scale`: issue 11's figures, Zoonest then ZooKeeper, in one run. */
async function scale(): Promise<void> {
  const launchers: BenchLauncher[] = [zoonestLauncher(await compiledServer())];
  const zk = zooKeeper();
  if (zk) launchers.push(zk);
  const workloads: Result[][] = [];
  const figures: ScaleFigures[] = [];
  for (const launcher of launchers) {
    const results = await onFreshServer(launcher, (cs) =>
      zookeeperBench({ connectString: cs, ...SHAPE, extra: EXTRA }),
    );
    printTable(`${ZK_TITLE}, against ${launcher.name}, empty tree`, results);
    workloads.push(results);
    const f = await scaleBench(launcher, SCALE);
    printTable(`${ZK_TITLE}, against ${launcher.name}, ${f.stages.at(-1)?.znodes} znodes`, f.full);
    figures.push(f);
  }
  const [zoonest, zookeeper] = workloads;
  if (zoonest && zookeeper) {
    printComparison(
      'Zoonest vs Apache ZooKeeper, ZooKeeper protocol, empty tree',
      zoonest,
      zookeeper,
    );
  }
  printScale(
    `${SCALE.parents} x ${SCALE.childrenPerParent} znodes of 100 B, ${SCALE.sessions} sessions x ${SCALE.inFlight} in flight`,
    figures,
  );
  figures.forEach((f, i) =>
    printComparison(`${f.server}: full tree vs empty tree`, f.full, workloads[i] ?? [], [
      'full',
      'empty',
    ]),
  );
}

function zooKeeper(): BenchLauncher | undefined {
  const install = findZooKeeper();
  if (install) return zookeeperLauncher(install);
  process.stdout.write(
    '\nApache ZooKeeper is not installed (scripts/install-test-deps.sh): no side-by-side run.\n',
  );
  return undefined;
}

async function onFreshServer<T>(
  launcher: BenchLauncher,
  work: (connectString: string) => Promise<T>,
): Promise<T> {
  const server = await launcher.launch(await tempDir('bench-'), await freePort());
  try {
    return await work(server.connectString);
  } finally {
    await server.kill('SIGTERM');
  }
}

/** `npm run bench -- xds`: issue 14's figures (BENCH_XDS_CLIENTS=20 for a quick run). */
async function xds(): Promise<void> {
  const shape = {
    services: env('BENCH_XDS_SERVICES', 100),
    instancesPerService: 10,
    clients: env('BENCH_XDS_CLIENTS', 200),
  };
  const { rows } = await xdsBench(shape);
  process.stdout.write(
    `\nxDS: ${shape.services} services x ${shape.instancesPerService} instances, ${shape.clients} proxyless gRPC clients\n`,
  );
  console.table(rows);
}

const mode = process.argv[2] ?? 'standard';
const modes: Record<string, () => Promise<void>> = { standard, scale, xds };
const run = modes[mode];
if (!run) {
  process.stderr.write(`unknown bench mode ${mode}; one of ${Object.keys(modes).join(', ')}\n`);
  process.exit(2);
}
run()
  .finally(() => removeTempDirs())
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
