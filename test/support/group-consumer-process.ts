import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A callback a member reported, or what the test did to it, with the time. */
export interface MemberEvent {
  ev: 'started' | 'assigned' | 'revoking' | 'revoked' | 'left' | 'killed';
  id: string;
  t: number;
  owned?: string[];
  revoked?: string[];
}

export interface MemberProcess {
  id: string;
  child: ChildProcess;
  /** SIGKILL, recorded as a `killed` event. */
  kill9(): Promise<void>;
  /** SIGTERM: the member leaves cleanly, then exits. */
  leave(): Promise<void>;
}

/** Spawns test/support/group-consumer-child.ts; every line it prints lands in `events`. */
export async function spawnMember(
  url: string,
  group: string,
  id: string,
  revokeMs: number,
  events: MemberEvent[],
): Promise<MemberProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'test/support/group-consumer-child.ts',
      url,
      group,
      id,
      `${revokeMs}`,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  let buffered = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      buffered += c.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const event = JSON.parse(line) as MemberEvent;
        events.push(event);
        if (event.ev === 'started') resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`member ${id} exited ${code}:\n${err}`)));
  });
  return {
    id,
    child,
    kill9: async () => {
      events.push({ ev: 'killed', id, t: Date.now() });
      child.kill('SIGKILL');
      await exited;
    },
    leave: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
