import { readFileSync } from 'node:fs';
import { register } from '@grpc/grpc-js-xds';
import type { MeshJson, XdsClientInfo } from '../src/admin/admin-api-types';
import { freePort, spawnServer, type ServerProcess } from '../test/support/server-process';
import { tempDir } from '../test/support/temp-dir';
import { startBackend, xdsClient, type Backend, type EchoClient } from '../test/support/xds-grpc';

export interface XdsBenchShape {
  services: number;
  instancesPerService: number;
  clients: number;
}

const PASSWORD = 'xds-bench-password';
/** Long enough that a busy bench process still heartbeats the dying session in time. */
const SESSION_TIMEOUT_MS = 4000;
/** grpc-js-xds shares one xDS client per process; this channel option gives each channel its own
 * bootstrap and stream, as that many separate gRPC processes would have. */
const BOOTSTRAP_OPTION = 'grpc.TEST_ONLY_DO_NOT_USE_IN_PROD.xds_bootstrap_config';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const serviceName = (s: number) => `bench.Service${s}`;

function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Number(line?.[1] ?? 0) * 1024;
}

type Session = Awaited<ReturnType<typeof openSession>>;

/** A REST session whose heartbeats the bench can stop, so that it expires. */
async function openSession(url: string, timeoutMs: number) {
  const res = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ timeoutMs }),
  });
  const { sessionId, password } = (await res.json()) as { sessionId: string; password: string };
  const headers = {
    'content-type': 'application/json',
    'x-zoonest-session': `${sessionId}:${password}`,
  };
  const beat = () =>
    fetch(`${url}/api/v1/sessions/${sessionId}/heartbeat`, { method: 'POST', headers });
  const timer = setInterval(() => void beat().catch(() => undefined), timeoutMs / 4);
  return {
    headers,
    /** Stops heartbeating; resolves with the moment the session's deadline passes. */
    stop: async () => {
      clearInterval(timer);
      const last = await beat();
      if (!last.ok) throw new Error(`the session expired early (${last.status})`);
      return Date.now() + timeoutMs;
    },
  };
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** Moments (ms since the epoch), earliest first. */
interface Timings {
  sent: number[];
  acked: number[];
}

class MeshView {
  private cookie = '';
  constructor(private readonly url: string) {}

  async login(): Promise<void> {
    const res = await fetch(`${this.url}/api/v1/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'admin', password: PASSWORD }),
    });
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  async clients(): Promise<XdsClientInfo[]> {
    const res = await fetch(`${this.url}/api/v1/admin/mesh`, { headers: { cookie: this.cookie } });
    return ((await res.json()) as MeshJson).clients;
  }

  /**
   * When the server sent `type` to each client after `since`, and when that client ACKed it;
   * waits until `count` clients have ACKed.
   */
  async ackedAfter(type: string, since: number, count: number): Promise<Timings> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const done = (await this.clients())
        .map((c) => c.types.find((t) => t.type === type))
        .filter((t) => (t?.ackedAt ?? 0) > since);
      if (done.length >= count) {
        const sorted = (ts: number[]) => ts.sort((a, b) => a - b);
        return {
          sent: sorted(done.map((t) => t?.sentAt ?? 0)),
          acked: sorted(done.map((t) => t?.ackedAt ?? 0)),
        };
      }
      if (Date.now() > deadline) throw new Error(`only ${done.length} of ${count} ACKed ${type}`);
      await sleep(20);
    }
  }
}

export interface XdsFigures {
  rows: Array<{ measure: string; value: string }>;
}

/**
 * Issue 14's figures: `services` x `instancesPerService` instances, `clients` gRPC channels to
 * `xds:///...` (each its own xDS client, spread over the services); the time from an instance's
 * session expiry and from route publishes to the last client ACKing the new resources, and the
 * server's memory per connected client.
 */
export async function xdsBench(shape: XdsBenchShape): Promise<XdsFigures> {
  const xdsPort = await freePort();
  const server: ServerProcess = await spawnServer({
    ZOONEST_HTTP_PORT: String(await freePort()),
    ZOONEST_DATA_DIR: await tempDir('zoonest-xds-bench-'),
    ZOONEST_XDS_PORT: String(xdsPort),
    ZOONEST_ADMIN_PASSWORD: PASSWORD,
    ZOONEST_SESSION_CHECK_MS: '100',
  });
  const backends: Backend[] = [];
  const channels: EchoClient[] = [];
  register();
  try {
    const pid = server.child.pid ?? 0;
    const view = new MeshView(server.url);
    await view.login();
    // Made first: grpc-js-xds builds each channel's xDS client synchronously, which would
    // starve the heartbeats of the session that is to die. A channel connects only when used.
    for (let c = 0; c < shape.clients; c++) {
      const bootstrap = {
        xds_servers: [
          {
            server_uri: `127.0.0.1:${xdsPort}`,
            channel_creds: [{ type: 'insecure' }],
            server_features: ['xds_v3'],
          },
        ],
        node: { id: `bench-${c}`, cluster: 'bench', locality: { zone: 'bench' } },
      };
      channels.push(
        xdsClient(serviceName(c % shape.services), {
          [BOOTSTRAP_OPTION]: JSON.stringify(bootstrap),
        }),
      );
    }
    for (let i = 0; i < shape.instancesPerService; i++) backends.push(await startBackend(`i${i}`));
    // Instance i of every service belongs to session i. Session 0, the one that dies, comes
    // once the clients are ready: their start would starve its heartbeats in this process.
    const registerAll = async (session: Session, i: number) =>
      inBatches(
        Array.from({ length: shape.services }, (_, s) => s),
        50,
        (s) =>
          fetch(`${server.url}/api/v1/services/${serviceName(s)}/instances`, {
            method: 'POST',
            headers: session.headers,
            body: JSON.stringify({
              id: `i${i}`,
              host: '127.0.0.1',
              port: backends[i]?.port,
              metadata: { version: i < shape.instancesPerService / 2 ? 'v1' : 'v2' },
            }),
          }),
      );
    for (let i = 1; i < backends.length; i++)
      await registerAll(await openSession(server.url, 20_000), i);
    await sleep(1000);
    const rssBefore = rssBytes(pid);
    const started = Date.now();

    await Promise.all(
      channels.map(
        (ch) =>
          new Promise<void>((resolve, reject) =>
            ch.waitForReady(Date.now() + 180_000, (err) => (err ? reject(err) : resolve())),
          ),
      ),
    );
    const ready = Date.now() - started;
    await view.ackedAfter('ClusterLoadAssignment', 0, shape.clients);
    await sleep(1000);
    const rssAfter = rssBytes(pid);

    const dying = await openSession(server.url, SESSION_TIMEOUT_MS);
    const joined = Date.now();
    await registerAll(dying, 0);
    await view.ackedAfter('ClusterLoadAssignment', joined, shape.clients);
    await sleep(1000);
    const deadline = await dying.stop();
    const death = await view.ackedAfter('ClusterLoadAssignment', deadline, shape.clients);

    const one = serviceName(1);
    const meshBody = (split: Record<string, number>) =>
      JSON.stringify({ format: 'json', content: JSON.stringify({ routes: [{ split }] }) });
    const put = (service: string, split: Record<string, number>) =>
      fetch(`${server.url}/api/v1/config/mesh/routes/${service}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: meshBody(split),
      });
    const singleAt = Date.now();
    await put(one, { v1: 90, v2: 10 });
    const single = await view.ackedAfter(
      'RouteConfiguration',
      singleAt,
      Math.ceil(shape.clients / shape.services),
    );
    await sleep(500);
    const allAt = Date.now();
    await Promise.all(
      Array.from({ length: shape.services }, (_, s) => put(serviceName(s), { v1: 50, v2: 50 })),
    );
    const all = await view.ackedAfter('RouteConfiguration', allAt, shape.clients);

    const ms = (n: number) => `${Math.round(n)} ms`;
    const span = (times: number[], from: number) =>
      `${ms((times.at(-1) ?? from) - from)} (median ${ms((times[times.length >> 1] ?? from) - from)})`;
    const lastAndMedian = (t: Timings, from: number) =>
      `sent ${span(t.sent, from)}, ACKed ${span(t.acked, from)}`;
    return {
      rows: [
        {
          measure: 'instances registered',
          value: String(shape.services * shape.instancesPerService),
        },
        {
          measure: 'xDS clients (gRPC channels) connected and ready',
          value: `${shape.clients} in ${ms(ready)}`,
        },
        {
          measure: `session expiry (${SESSION_TIMEOUT_MS} ms timeout, checked every 100 ms) -> last client sent and ACKing the endpoints`,
          value: lastAndMedian(death, deadline),
        },
        {
          measure: 'one route publish -> its last client sent and ACKing the route',
          value: lastAndMedian(single, singleAt),
        },
        {
          measure: `${shape.services} route publishes at once -> last client sent and ACKing its route`,
          value: lastAndMedian(all, allAt),
        },
        {
          measure: 'server memory per connected client (RSS growth / clients)',
          value: `${((rssAfter - rssBefore) / shape.clients / 1024).toFixed(0)} KiB`,
        },
        {
          measure: 'server RSS with all clients',
          value: `${(rssAfter / 1024 / 1024).toFixed(0)} MiB`,
        },
      ],
    };
  } finally {
    for (const ch of channels) ch.close();
    await Promise.all(backends.map((b) => b.stop()));
    await server.kill('SIGTERM');
  }
}
