import { spawnServer, freePort } from '../test/support/server-process';
import { removeTempDirs, tempDir } from '../test/support/temp-dir';
import { findZooKeeper } from '../test/support/zookeeper-install';
import { startZooKeeper } from '../test/support/zookeeper-standalone';
import { printTable, type Result } from './percentiles';
import { recipesBench } from './recipes-bench';
import { socketIoBench } from './socketio-bench';
import { printComparison, zookeeperBench } from './zookeeper-bench';

const SHAPE = {
  clients: 16,
  inFlight: 32,
  perClient: Number(process.env.BENCH_OPS_PER_CLIENT ?? 2000),
  watchSamples: 500,
};
/** BENCH_PROTOCOLS=zookeeper runs only the wire-protocol comparison. */
const PROTOCOLS = (process.env.BENCH_PROTOCOLS ?? 'socketio,zookeeper,recipes').split(',');
const RECIPES = { clients: 8, handoffs: 2000, items: 4000 };

/** `npm run bench`: a real server in its own process on SQLite, driven over loopback. */
async function main(): Promise<void> {
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
      zoonest = await zookeeperBench({ connectString: `127.0.0.1:${zkPort}`, ...SHAPE });
      printTable(
        'ZooKeeper protocol (node-zookeeper-client) against Zoonest, 16 clients x 32 in flight, SQLite',
        zoonest,
      );
    }
    if (PROTOCOLS.includes('recipes')) {
      const results = await recipesBench({ url: server.url, ...RECIPES });
      printTable('Recipes: one contended lock, one queue, 8 clients', results);
    }
  } finally {
    await server.kill('SIGTERM');
  }
  try {
    if (zoonest.length > 0) await compareWithZooKeeper(zoonest);
  } finally {
    await removeTempDirs();
  }
}

/** The same workloads against Apache ZooKeeper standalone, run after Zoonest has stopped. */
async function compareWithZooKeeper(zoonest: Result[]): Promise<void> {
  const install = findZooKeeper();
  if (!install) {
    process.stdout.write(
      '\nApache ZooKeeper is not installed (scripts/install-test-deps.sh): no side-by-side run.\n',
    );
    return;
  }
  const zk = await startZooKeeper(install, {
    port: await freePort(),
    dataDir: await tempDir('zookeeper-bench-'),
  });
  try {
    const zookeeper = await zookeeperBench({ connectString: `127.0.0.1:${zk.port}`, ...SHAPE });
    printTable('The same against Apache ZooKeeper 3.8 standalone (forceSync=yes)', zookeeper);
    printComparison('Zoonest vs Apache ZooKeeper, ZooKeeper protocol', zoonest, zookeeper);
  } finally {
    await zk.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
