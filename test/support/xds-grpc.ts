import {
  credentials,
  makeGenericClientConstructor,
  Server,
  ServerCredentials,
  Metadata,
  type ChannelOptions,
  type Client,
  type ServiceDefinition,
} from '@grpc/grpc-js';
import { register } from '@grpc/grpc-js-xds';

/** A one-method service whose reply is the name of the backend that answered. */
const ECHO: ServiceDefinition = {
  Who: {
    path: '/zoonest.test.Echo/Who',
    requestStream: false,
    responseStream: false,
    requestSerialize: (b: Buffer) => b,
    requestDeserialize: (b: Buffer) => b,
    responseSerialize: (b: Buffer) => b,
    responseDeserialize: (b: Buffer) => b,
    originalName: 'who',
  },
};

export interface Backend {
  name: string;
  port: number;
  /** Calls answered, and when the last one was. */
  served: number;
  lastServedAt: number;
  stop(): Promise<void>;
}

/** A real gRPC server on 127.0.0.1 that answers with its name. */
export async function startBackend(name: string): Promise<Backend> {
  const server = new Server();
  const backend: Backend = {
    name,
    port: 0,
    served: 0,
    lastServedAt: 0,
    stop: () => new Promise((resolve) => server.tryShutdown(() => resolve())),
  };
  server.addService(ECHO, {
    Who: (_call: unknown, done: (err: null, reply: Buffer) => void) => {
      backend.served++;
      backend.lastServedAt = Date.now();
      done(null, Buffer.from(name));
    },
  });
  backend.port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, port) =>
      err ? reject(err) : resolve(port),
    ),
  );
  return backend;
}

/**
 * The xDS bootstrap for this process, as a gRPC deployment gives it: GRPC_XDS_BOOTSTRAP_CONFIG
 * naming Zoonest's xDS port and this client's node. grpc-js-xds reads it once, at the first
 * `xds:` channel.
 */
export function useXdsBootstrap(xdsPort: number, nodeId: string): void {
  process.env.GRPC_XDS_BOOTSTRAP_CONFIG = JSON.stringify({
    xds_servers: [
      {
        server_uri: `127.0.0.1:${xdsPort}`,
        channel_creds: [{ type: 'insecure' }],
        server_features: ['xds_v3'],
      },
    ],
    node: {
      id: nodeId,
      cluster: 'zoonest-tests',
      metadata: { team: 'mesh' },
      locality: { zone: 'test-zone' },
    },
  });
  register();
}

const EchoClient = makeGenericClientConstructor(ECHO, 'Echo');

export interface EchoClient extends Client {
  Who(
    req: Buffer,
    meta: Metadata,
    opts: { deadline: number },
    cb: (err: Error | null, reply?: Buffer) => void,
  ): void;
}

/** An unmodified gRPC client of `xds:///{service}`, with any channel options. */
export function xdsClient(service: string, options: ChannelOptions = {}): EchoClient {
  return new EchoClient(
    `xds:///${service}`,
    credentials.createInsecure(),
    options,
  ) as unknown as EchoClient;
}

/** One call; resolves with the name of the backend that answered. */
export function who(client: EchoClient, headers: Record<string, string> = {}): Promise<string> {
  const meta = new Metadata();
  for (const [k, v] of Object.entries(headers)) meta.set(k, v);
  return new Promise((resolve, reject) =>
    client.Who(Buffer.alloc(0), meta, { deadline: Date.now() + 5000 }, (err, reply) =>
      err ? reject(err) : resolve(reply?.toString() ?? ''),
    ),
  );
}

/** `calls` calls, `parallel` at a time: how many each backend answered. */
export async function tally(
  client: EchoClient,
  calls: number,
  headers: Record<string, string> = {},
  parallel = 10,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let left = calls;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (left > 0) {
        left--;
        const name = await who(client, headers);
        counts[name] = (counts[name] ?? 0) + 1;
      }
    }),
  );
  return counts;
}

/**
 * Whether `count` of `n` calls fits a share `p` of them, within five standard deviations (a
 * false failure about once in two million runs).
 */
export function fitsShare(count: number, n: number, p: number): boolean {
  const sd = Math.sqrt(n * p * (1 - p));
  return Math.abs(count - n * p) <= 5 * sd + 1;
}
