import { parseDocument, rebase } from './subtree-document';

describe('subtree documents', () => {
  it('moves paths to another root', () => {
    expect(rebase('/app/a/b', '/app', '/copy')).toBe('/copy/a/b');
    expect(rebase('/app', '/app', '/copy')).toBe('/copy');
    expect(rebase('/a', '/', '/copy')).toBe('/copy/a');
    expect(rebase('/app/a', '/app', '/')).toBe('/a');
  });

  it('says what is wrong with a file', () => {
    const doc = { format: 'zoonest-export', version: 1, root: '/app', nodes: [] as unknown[] };
    expect(parseDocument(doc, 'f.json').root).toBe('/app');
    doc.nodes.push({ path: '/elsewhere', data: '', encoding: 'utf8', acl: [] });
    expect(() => parseDocument(doc, 'f.json')).toThrow(
      'f.json is not a zoonest export: nodes[0].path must be a path at or below the root',
    );
  });
});
