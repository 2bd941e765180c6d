import type { ZoonestClient } from '../zoonest-client';
import { isZoonestError } from '../zoonest-error';
import { LATCH, LATCH_NAME, order } from '@zoonest/protocol/recipes/contention';
import { enqueue } from './lock-node';
import { childrenOrEmpty, Deadline, deleteQuietly, nameOf, oneShot, utf8 } from './recipe-support';
import { requireClient, requirePath } from './arguments';

export interface Participant {
  id: string;
  node: string;
  isLeader: boolean;
}

type Listener = () => void;

/**
 * Curator's LeaderLatch: candidates add `latch-` nodes under the path; the lowest leads and the
 * others each watch only the one ahead. Shared with Curator and the election module
 * (`/zoonest/elections/{group}/leader`).
 */
export class LeaderLatch {
  private ourPath?: string;
  private leader = false;
  private closed = false;
  private readonly listeners = { isLeader: new Set<Listener>(), notLeader: new Set<Listener>() };
  private leadership: Array<() => void> = [];

  constructor(
    private readonly client: ZoonestClient,
    readonly path: string,
    readonly id: string,
  ) {
    requireClient('LeaderLatch', client);
    requirePath('LeaderLatch', path);
  }

  async start(): Promise<void> {
    const held = await enqueue(this.client, this.path, LATCH_NAME, this.id);
    this.ourPath = held.path;
    await this.check();
  }

  on(event: 'isLeader' | 'notLeader', listener: Listener): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  hasLeadership(): boolean {
    return this.leader;
  }

  /** Waits until this candidate leads; false at the timeout. */
  async await(opts: { timeoutMs?: number } = {}): Promise<boolean> {
    if (this.leader) return true;
    return new Deadline(opts.timeoutMs).race(
      new Promise<void>((resolve) => this.leadership.push(resolve)),
    );
  }

  /** Leaves the election (resigns if leading). */
  async close(): Promise<void> {
    this.closed = true;
    const path = this.ourPath;
    this.ourPath = undefined;
    this.setLeader(false);
    if (path) await deleteQuietly(this.client, path);
  }

  async getParticipants(): Promise<Participant[]> {
    const ordered = order(await childrenOrEmpty(this.client, this.path), LATCH.lockNames);
    const reads = await this.client.multiRead(
      ordered.map((n) => ({ op: 'getData' as const, path: `${this.path}/${n}` })),
    );
    return ordered.flatMap((node, i) => {
      const r = reads[i];
      return r?.op === 'getData' ? [{ id: utf8.decode(r.data), node, isLeader: i === 0 }] : [];
    });
  }

  async getLeader(): Promise<Participant | null> {
    return (await this.getParticipants())[0] ?? null;
  }

  private async check(): Promise<void> {
    while (!this.closed && this.ourPath) {
      const ours = nameOf(this.ourPath);
      const ordered = order(await this.client.getChildren(this.path), LATCH.lockNames);
      const index = ordered.indexOf(ours);
      if (index < 0) {
        // Our node went with an expired session: join again, as Curator's reset().
        this.setLeader(false);
        this.ourPath = (await enqueue(this.client, this.path, LATCH_NAME, this.id)).path;
        continue;
      }
      if (index === 0) return this.setLeader(true);
      this.setLeader(false);
      const { watcher, fired } = oneShot();
      try {
        await this.client.getData(`${this.path}/${ordered[index - 1]}`, { watch: watcher });
      } catch (err) {
        if (isZoonestError(err, 'NoNode')) continue;
        throw err;
      }
      void fired.then(() => this.check().catch(() => undefined));
      return;
    }
  }

  private setLeader(leader: boolean): void {
    if (this.leader === leader) return;
    this.leader = leader;
    for (const l of this.listeners[leader ? 'isLeader' : 'notLeader']) l();
    if (leader) for (const resolve of this.leadership.splice(0)) resolve();
  }
}
