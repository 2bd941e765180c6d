import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PG_URL } from './databases';
import { freePort, spawnServer, type ServerProcess } from './server-process';
import { tempDir } from './temp-dir';

export interface Replica extends ServerProcess {
  name: string;
  zkPort: number;
  /** host:port of its ZooKeeper protocol. */
  zkAddress: string;
}

export interface Cluster {
  schema: string;
  replicas: Replica[];
  /** Every replica's ZooKeeper address, as a ZooKeeper connect string. */
  connectString: string;
  /** Starts one more replica on the same schema. */
  add(name: string): Promise<Replica>;
  /** Stops every replica still running and drops the schema. */
  stop(): Promise<void>;
}

/** Replicas in their own processes on one fresh PostgreSQL schema (of the test database by default). */
export async function startCluster(
  count: number,
  env: Record<string, string> = {},
  dbUrl = PG_URL,
): Promise<Cluster> {
  const schema = `zn_cluster_${randomBytes(6).toString('hex')}`;
  const replicas: Replica[] = [];
  const add = async (name: string): Promise<Replica> => {
    const [httpPort, zkPort] = [await freePort(), await freePort()];
    const server = await spawnServer({
      ZOONEST_HTTP_PORT: String(httpPort),
      ZOONEST_ZK_PORT: String(zkPort),
      ZOONEST_DATA_DIR: await tempDir(),
      ZOONEST_DB_URL: dbUrl,
      ZOONEST_DB_SCHEMA: schema,
      ZOONEST_REPLICA_NAME: name,
      ZOONEST_MIN_SESSION_TIMEOUT_MS: '1000',
      ZOONEST_SESSION_CHECK_MS: '100',
      ZOONEST_SESSION_RENEW_MS: '200',
      ...env,
    });
    const replica = { ...server, name, zkPort, zkAddress: `127.0.0.1:${zkPort}` };
    replicas.push(replica);
    return replica;
  };
  // The first one migrates the schema; the rest start together.
  await add('r0');
  await Promise.all(Array.from({ length: count - 1 }, (_, i) => add(`r${i + 1}`)));
  replicas.sort((a, b) => a.name.localeCompare(b.name));
  return {
    schema,
    replicas,
    get connectString() {
      return replicas.map((r) => r.zkAddress).join(',');
    },
    add,
    stop: async () => {
      await Promise.all(replicas.map((r) => r.kill('SIGTERM')));
      const client = new Client({ connectionString: dbUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
