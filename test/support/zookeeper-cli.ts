import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { ZooKeeperInstall } from './zookeeper-install';

export interface ZkCliResult {
  code: number | null;
  /** stdout and stderr without the logger's noise. */
  out: string;
}

/** JIT and GC flags that take a second off each short-lived client JVM. */
const QUICK_JVM = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto';

/**
 * Runs zkCli.sh against `server`: with `args`, one command in batch mode; with `script`, each
 * line read from stdin in one session (for watches, auth and the like).
 */
export function runZkCli(
  install: ZooKeeperInstall,
  server: string,
  opts: {
    args?: string[];
    script?: string[];
    timeoutMs?: number;
    /** More -D flags, e.g. ZooKeeper's TLS client properties. */
    jvmFlags?: string[];
  },
): Promise<ZkCliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(install.zkCli, ['-server', server, ...(opts.args ?? [])], {
      env: {
        ...process.env,
        JVMFLAGS: [QUICK_JVM, ...(opts.jvmFlags ?? [])].join(' '),
        ZOO_LOG_DIR: '/tmp',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // zkCli prints results to stdout, but "Created ..." and every error to stderr: keep both.
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out: clean(out) });
    });
    child.stdin.end(opts.script ? `${[...opts.script, 'quit'].join('\n')}\n` : '');
  });
}

function clean(out: string): string {
  return out
    .split('\n')
    .filter((l) => !l.startsWith('SLF4J:') && !l.startsWith('log4j:'))
    .join('\n');
}

/** zkCli.sh kept open: commands are fed one at a time while the test acts elsewhere. */
export class ZkCliSession {
  private out = '';
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (c: Buffer) => (this.out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (this.out += c.toString()));
    this.exited = new Promise((resolve) => child.once('close', (code) => resolve(code)));
  }

  /** Starts zkCli and waits until it reports SyncConnected. */
  static async open(install: ZooKeeperInstall, server: string): Promise<ZkCliSession> {
    const child = spawn(install.zkCli, ['-server', server], {
      env: { ...process.env, JVMFLAGS: QUICK_JVM, ZOO_LOG_DIR: '/tmp' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const session = new ZkCliSession(child);
    await session.waitFor(/state:SyncConnected type:None/);
    return session;
  }

  get output(): string {
    return clean(this.out);
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  /** Waits until the output (all of it so far) matches. */
  async waitFor(pattern: RegExp, ms = 15_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!pattern.test(this.out)) {
      if (this.child.exitCode !== null) throw new Error(`zkCli exited:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`zkCli never printed ${pattern}:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Sends quit (closing the session) and waits for the JVM to exit. */
  async quit(): Promise<number | null> {
    this.send('quit');
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
