import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where `vite build` puts the dashboard: dist/admin-web under the package root, found by
 * walking up from this file (it runs from src/ in tests and from dist/src/ in production).
 */
export function webAppDir(from: string = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'zoonest'
    ) {
      return join(dir, 'dist', 'admin-web');
    }
    if (dirname(dir) === dir) return undefined;
  }
}
