import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SOURCES = join(ROOT, 'src/admin/web');
const INDEX = join(ROOT, 'dist/admin-web/index.html');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the dashboard (vite) unless dist/admin-web is newer than every source of it. */
export function ensureWebAppBuilt(): void {
  const built = statSync(INDEX, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > newestChange(SOURCES)) return;
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(SOURCES, 'vite.config.ts'),
    ],
    // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
    { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } },
  );
}
