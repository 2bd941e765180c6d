import { ZkError } from './zk-error';

/** Why `path` is not a valid ZooKeeper path, or undefined when it is (PathUtils.validatePath). */
export function pathProblem(path: string): string | undefined {
  if (path.length === 0) return 'path must not be empty';
  if (path[0] !== '/') return 'path must start with /';
  if (path.length === 1) return undefined;
  if (path.endsWith('/')) return 'path must not end with /';
  const names = path.slice(1).split('/');
  for (const name of names) {
    if (name === '') return 'empty node name';
    if (name === '.' || name === '..') return 'relative paths are not allowed';
  }
  for (let i = 1; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 0) return `null character at ${i}`;
    if (
      (c > 0x00 && c <= 0x1f) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0xd800 && c <= 0xf8ff) ||
      (c >= 0xfff0 && c <= 0xffff)
    ) {
      return `invalid character at ${i}`;
    }
  }
  return undefined;
}

export function validatePath(path: string): string {
  const problem = pathProblem(path);
  if (problem !== undefined) throw ZkError.badArguments(problem, path);
  return path;
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function childPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

/** True when `path` is `ancestor` or lies below it. */
export function isWithin(path: string, ancestor: string): boolean {
  if (ancestor === '/') return true;
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** ZooKeeper's 10-digit, zero-padded sequence suffix. */
export function sequenceSuffix(n: number): string {
  return n.toString().padStart(10, '0');
}
