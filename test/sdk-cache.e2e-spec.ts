import type { RunningServer } from '../src/server/start-server';
import { startTestServer } from './support/test-server';
import {
  type ChildData,
  isZoonestError,
  NodeCache,
  TreeCache,
  ZoonestClient,
} from '@zoonest/client';
import { removeTempDirs } from './support/temp-dir';

const text = (node: ChildData | undefined) =>
  node === undefined ? undefined : Buffer.from(node.data).toString();

/** NodeCache and TreeCache against a real server and writers racing each other. */
describe('SDK caches', () => {
  let server: RunningServer;
  let reader: ZoonestClient;
  let writers: ZoonestClient[];

  beforeAll(async () => {
    server = await startTestServer();
    const connect = () => ZoonestClient.connect({ servers: [server.url] });
    reader = await connect();
    writers = await Promise.all([connect(), connect(), connect()]);
  });

  afterAll(async () => {
    await Promise.all([reader, ...writers].map((c) => c.close()));
    await server.stop();
    await removeTempDirs();
  });

  /** The subtree as the server has it: path → data. */
  const serverTree = async (root: string): Promise<Map<string, string>> => {
    const out = new Map<string, string>();
    const visit = async (path: string): Promise<void> => {
      const [{ data }, children] = await Promise.all([
        reader.getData(path, { encoding: 'utf8' }),
        reader.getChildren(path),
      ]);
      out.set(path, data);
      await Promise.all(children.map((c) => visit(`${path}/${c}`)));
    };
    await visit(root);
    return out;
  };

  const ignoreRaces = (err: unknown) => {
    if (!isZoonestError(err)) throw err;
    if (!['NoNode', 'NodeExists', 'NotEmpty'].includes(err.codeName)) throw err;
  };

  it('keeps one node current and reports each change', async () => {
    const cache = new NodeCache(reader, '/single');
    const seen: Array<string | undefined> = [];
    cache.on('nodeChanged', (node) => seen.push(text(node)));
    await cache.start();
    expect(cache.getCurrentData()).toBeUndefined();

    await writers[0]?.create('/single', 'v0');
    await Promise.all(
      writers.map(async (w, i) => {
        for (let n = 1; n <= 30; n++) await w.setData('/single', `w${i}-${n}`);
      }),
    );
    await reader.sync();
    await cache.settled();
    const final = (await reader.getData('/single', { encoding: 'utf8' })).data;
    expect(text(cache.getCurrentData())).toBe(final);
    expect(seen.at(-1)).toBe(final);

    await writers[1]?.delete('/single');
    await reader.sync();
    await cache.settled();
    expect(cache.getCurrentData()).toBeUndefined();
    expect(seen.at(-1)).toBeUndefined();
    await cache.close();
  });

  it('copies a subtree, then follows concurrent writers exactly', async () => {
    await reader.create('/tree', 'root');
    await reader.create('/tree/pre', 'existing');
    const cache = new TreeCache(reader, '/tree');
    const replay = new Map<string, string>();
    const problems: string[] = [];
    cache.on('nodeAdded', (n) => {
      if (replay.has(n.path)) problems.push(`added twice: ${n.path}`);
      replay.set(n.path, text(n) as string);
    });
    let changes = 0;
    cache.on('nodeUpdated', (n) => {
      changes += 1;
      if (!replay.has(n.path)) problems.push(`updated while absent: ${n.path}`);
      replay.set(n.path, text(n) as string);
    });
    cache.on('nodeRemoved', (n) => {
      if (!replay.delete(n.path)) problems.push(`removed while absent: ${n.path}`);
    });
    let initialized = 0;
    cache.on('initialized', () => (initialized = replay.size));
    await cache.start();
    expect(initialized).toBe(2);
    expect(text(cache.getCurrentData('/tree/pre'))).toBe('existing');

    const names = ['a', 'b', 'c'];
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)] as T;
    const randomPath = () => {
      const depth = 1 + Math.floor(Math.random() * 3);
      return `/tree/${Array.from({ length: depth }, () => pick(names)).join('/')}`;
    };
    await Promise.all(
      writers.map(async (w, i) => {
        for (let n = 0; n < 150; n++) {
          const path = randomPath();
          const roll = Math.random();
          const op =
            roll < 0.45
              ? w.create(path, `w${i}-${n}`)
              : roll < 0.8
                ? w.setData(path, `w${i}-${n}`)
                : w.delete(path);
          await op.catch(ignoreRaces);
        }
      }),
    );
    await reader.sync();
    await cache.settled();

    const expected = await serverTree('/tree');
    expect(expected.size).toBeGreaterThan(10);
    const cached = new Map([...cache.getCurrentTree()].map(([p, n]) => [p, text(n) as string]));
    expect(cached).toEqual(expected);
    expect(replay).toEqual(expected);
    expect(problems).toEqual([]);
    expect(changes).toBeGreaterThan(50);
    const kids = [...(cache.getCurrentChildren('/tree')?.keys() ?? [])];
    expect(kids).toEqual((await reader.getChildren('/tree')).sort());
    await cache.close();
  });

  it('caches only down to maxDepth', async () => {
    await reader.create('/shallow/one/two', 'x', { createParents: true });
    const cache = new TreeCache(reader, '/shallow', { maxDepth: 1 });
    await cache.start();
    await reader.create('/shallow/one/other');
    await reader.create('/shallow/sibling');
    await reader.sync();
    await cache.settled();
    expect([...cache.getCurrentTree().keys()].sort()).toEqual([
      '/shallow',
      '/shallow/one',
      '/shallow/sibling',
    ]);
    await cache.close();
  });

  it('follows a subtree removed and created again', async () => {
    const cache = new TreeCache(reader, '/again');
    await cache.start();
    expect(cache.getCurrentData('/again')).toBeUndefined();
    for (let round = 0; round < 5; round++) {
      await writers[0]?.create('/again', `r${round}`);
      await writers[1]?.create('/again/kid', `k${round}`).catch(ignoreRaces);
      await writers[2]?.delete('/again', { recursive: true });
    }
    await writers[0]?.create('/again', 'last');
    await reader.sync();
    await cache.settled();
    expect([...cache.getCurrentTree()].map(([p, n]) => [p, text(n)])).toEqual([['/again', 'last']]);
    await cache.close();
  });
});
