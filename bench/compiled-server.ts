import { execFileSync } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../test/support/temp-dir';

const ROOT = join(__dirname, '..');

/**
 * Compiles the server to JavaScript once, as `npm start` runs it, so that its memory and start-up
 * are measured without a TypeScript compiler in the process. Returns node's arguments to start it.
 */
export async function compiledServer(): Promise<string[]> {
  const out = await tempDir('zoonest-bench-server-');
  await symlink(join(ROOT, 'node_modules'), join(out, 'node_modules'));
  const tsc = require.resolve('typescript/bin/tsc');
  const config = join(__dirname, 'server.tsconfig.json');
  execFileSync(process.execPath, [tsc, '-p', config, '--outDir', out], { stdio: 'inherit' });
  return [join(out, 'src', 'main.js')];
}
