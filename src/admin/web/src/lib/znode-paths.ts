/** Znode path arithmetic. */

export function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

export function nameOf(path: string): string {
  return path === '/' ? '/' : path.slice(path.lastIndexOf('/') + 1);
}

export function childPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

/** '/a/b/c' -> ['/', '/a', '/a/b']: what must be expanded to show the path. */
export function ancestorsOf(path: string): string[] {
  const out = ['/'];
  const names = path.split('/').filter(Boolean);
  for (let i = 1; i < names.length; i++) out.push(`/${names.slice(0, i).join('/')}`);
  return path === '/' ? [] : out;
}
