import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../test/support/server-process';
import { tempDir } from '../test/support/temp-dir';
import {
  connectZk,
  nzk,
  type NzkRawClient,
  type ZkTestClient,
} from '../test/support/zookeeper-client';
import { rssMb, type BenchLauncher } from './bench-servers';
import { drive } from './drive';
import type { Result } from './percentiles';
import { zookeeperBench, type ZooKeeperBenchOptions } from './zookeeper-bench';

export interface ScaleShape {
  parents: number;
  childrenPerParent: number;
  /** Parent counts after which RSS is taken (the last is always `parents`). */
  checkpoints: number[];
  sessions: number;
  inFlight: number;
  /** The basic workloads, run again once the tree is full. */
  workloads: Omit<ZooKeeperBenchOptions, 'connectString' | 'extra'>;
}

export interface FillStage {
  znodes: number;
  createsPerSecond: number;
  rssMb: number;
}

export interface ScaleFigures {
  server: string;
  emptyRssMb: number;
  stages: FillStage[];
  fillCreatesPerSecond: number;
  /** The basic workloads with the whole tree present. */
  full: Result[];
  /** From the restart after SIGKILL until the first getData is answered. */
  restartSeconds: number;
  restartRssMb: number;
}

const PAYLOAD = Buffer.alloc(100, 'v');
const ROOT = '/scale';
const parentPath = (p: number) => `${ROOT}/p${String(p).padStart(4, '0')}`;
const childPath = (p: number, c: number) => `${parentPath(p)}/c${String(c).padStart(4, '0')}`;

/** Creates `count` nodes spread over every lane of every client; `path(k)` names node k. */
async function createAll(
  clients: ZkTestClient[],
  inFlight: number,
  count: number,
  path: (k: number) => string,
): Promise<void> {
  const perClient = Math.ceil(count / clients.length);
  await drive(clients, inFlight, perClient, async (client, c, i) => {
    const k = i * clients.length + c;
    if (k < count) await client.create(path(k), PAYLOAD);
  });
}

/** Parents [from, to) and their children; resolves with the seconds it took. */
async function fillParents(
  clients: ZkTestClient[],
  shape: ScaleShape,
  from: number,
  to: number,
): Promise<number> {
  const started = performance.now();
  const n = shape.childrenPerParent;
  await createAll(clients, shape.inFlight, to - from, (k) => parentPath(from + k));
  await createAll(clients, shape.inFlight, (to - from) * n, (k) =>
    childPath(from + Math.floor(k / n), k % n),
  );
  return (performance.now() - started) / 1000;
}

/** A new attempt this often: a connection made while the server starts may never be served. */
const ATTEMPT_EVERY_MS = 200;

/**
 * Resolves once a getData of `path` is answered. A client connects every ATTEMPT_EVERY_MS until
 * one is answered: ZooKeeper leaves a connection accepted early in its start-up unread for good.
 */
async function firstRead(connectString: string, path: string): Promise<void> {
  const clients: NzkRawClient[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve) => {
      const attempt = () => {
        const raw = nzk.createClient(connectString, { spinDelay: 20, retries: 0 });
        clients.push(raw);
        raw.on('connected', () =>
          raw.getData(path, undefined, (err) => {
            if (err === null) resolve();
          }),
        );
        raw.connect();
      };
      attempt();
      timer = setInterval(attempt, ATTEMPT_EVERY_MS);
    });
  } finally {
    clearInterval(timer);
    for (const raw of clients) {
      raw.close();
      raw.connectionManager.socket?.destroy();
    }
  }
}

/** RSS once the process has had a moment to settle. */
async function settledRss(pid: number): Promise<number> {
  await sleep(2000);
  return rssMb(pid);
}

/**
 * The scale figures of issue 11 for one server: fill parents x children of 100 B over the
 * ZooKeeper protocol, RSS at each checkpoint, the basic workloads on the full tree, then
 * SIGKILL, restart on the same data, and the time until the first read is answered.
 */
export async function scaleBench(
  launcher: BenchLauncher,
  shape: ScaleShape,
): Promise<ScaleFigures> {
  const dataDir = await tempDir(`${launcher.name.toLowerCase()}-scale-`);
  const port = await freePort();
  let server = await launcher.launch(dataDir, port);
  try {
    const emptyRssMb = await settledRss(server.pid);
    const clients = await Promise.all(
      Array.from({ length: shape.sessions }, () =>
        connectZk(server.connectString, { sessionTimeout: 30_000 }),
      ),
    );
    const stages: FillStage[] = [];
    let fillSeconds = 0;
    try {
      await (clients[0] as ZkTestClient).create(ROOT);
      const checkpoints = [...shape.checkpoints.filter((c) => c < shape.parents), shape.parents];
      let done = 0;
      for (const upTo of checkpoints) {
        const seconds = await fillParents(clients, shape, done, upTo);
        const created = (upTo - done) * (shape.childrenPerParent + 1);
        fillSeconds += seconds;
        done = upTo;
        stages.push({
          znodes: done * (shape.childrenPerParent + 1),
          createsPerSecond: created / seconds,
          rssMb: await settledRss(server.pid),
        });
      }
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
    const total = shape.parents * (shape.childrenPerParent + 1);
    const full = await zookeeperBench({ connectString: server.connectString, ...shape.workloads });

    await server.kill('SIGKILL');
    const started = performance.now();
    const launching = launcher.launch(dataDir, port);
    await firstRead(
      server.connectString,
      childPath(shape.parents - 1, shape.childrenPerParent - 1),
    );
    const restartSeconds = (performance.now() - started) / 1000;
    server = await launching;
    return {
      server: launcher.name,
      emptyRssMb,
      stages,
      fillCreatesPerSecond: total / fillSeconds,
      full,
      restartSeconds,
      restartRssMb: await settledRss(server.pid),
    };
  } finally {
    await server.kill('SIGTERM');
  }
}

const mb = (v: number) => Math.round(v);

/** The scale figures side by side, one column per server. */
export function printScale(title: string, figures: ScaleFigures[]): void {
  const rows: Record<string, Record<string, string | number>> = {};
  const row = (name: string, value: (f: ScaleFigures) => string | number) => {
    rows[name] = Object.fromEntries(figures.map((f) => [f.server, value(f)]));
  };
  row('RSS empty, MB', (f) => mb(f.emptyRssMb));
  const stageCount = Math.max(...figures.map((f) => f.stages.length));
  for (let s = 0; s < stageCount; s++) {
    const znodes = figures[0]?.stages[s]?.znodes ?? 0;
    row(`RSS at ${znodes} znodes, MB`, (f) => mb(f.stages[s]?.rssMb ?? 0));
    row(`bytes per znode at ${znodes}`, (f) => {
      const st = f.stages[s];
      return st ? Math.round(((st.rssMb - f.emptyRssMb) * 1024 * 1024) / st.znodes) : '-';
    });
  }
  row('fill rate, creates/s', (f) => Math.round(f.fillCreatesPerSecond));
  row('kill -9, restart, first getData answered, s', (f) => f.restartSeconds.toFixed(2));
  row('RSS after restart, MB', (f) => mb(f.restartRssMb));
  process.stdout.write(`\n${title}\n`);
  console.table(rows);
}
