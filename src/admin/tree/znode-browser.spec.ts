import type { Coordinator } from '../../core/coordinator';
import { inMemoryCoordinator, SPEC_LIMITS } from '../../../test/support/in-memory-coordinator';
import { ZnodeBrowser } from './znode-browser';

const ctx = { sessionId: 0n, remoteAddress: '127.0.0.1' };
const EMPTY = Buffer.alloc(0);

async function browserWith(paths: string[]): Promise<{ zk: Coordinator; browser: ZnodeBrowser }> {
  const zk = await inMemoryCoordinator(SPEC_LIMITS);
  for (const p of paths) await zk.create(ctx, p, Buffer.from(p));
  return { zk, browser: new ZnodeBrowser(zk) };
}

describe('ZnodeBrowser', () => {
  it('pages a long child list and filters it by name', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `/n${String(i).padStart(2, '0')}`);
    const { zk, browser } = await browserWith(['/big']);
    await Promise.all(names.map((n) => zk.create(ctx, `/big${n}`, EMPTY)));
    const page = await browser.children(ctx, '/big', { offset: 10, limit: 5 });
    expect([page.total, page.children.map((c) => c.name)]).toEqual([
      30,
      ['n10', 'n11', 'n12', 'n13', 'n14'],
    ]);
    const filtered = await browser.children(ctx, '/big', { filter: 'N2' });
    expect(filtered.total).toBe(10);
    expect(filtered.children[0]).toEqual({
      name: 'n20',
      path: '/big/n20',
      numChildren: 0,
      dataLength: 0,
      ephemeral: false,
    });
  });

  it('reads a node with its Stat and ACL', async () => {
    const { browser } = await browserWith(['/app']);
    const node = await browser.node(ctx, '/app');
    expect(Buffer.from(node.data, 'base64').toString()).toBe('/app');
    expect(node.stat.version).toBe(0);
    expect(node.acl).toEqual([{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }]);
  });

  it('finds paths containing a text, at most a limit of them', async () => {
    const { browser } = await browserWith(['/a', '/a/orders', '/b', '/b/Orders-2', '/c']);
    await expect(browser.search(ctx, 'order')).resolves.toEqual({
      paths: ['/a/orders', '/b/Orders-2'],
      truncated: false,
    });
    const limited = await browser.search(ctx, 'order', 1);
    expect([limited.paths.length, limited.truncated]).toEqual([1, true]);
  });
});
