import type { ZoonestClient } from '../zoonest-client';
import { LOCK_NAME, MUTEX, order, type Contention } from '@zoonest/protocol/recipes/contention';
import { acquireNode, type HeldNode } from './lock-node';
import { childrenOrEmpty, deleteQuietly } from './recipe-support';
import { requireClient, requirePath } from './arguments';

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
  constructor(readonly path: string) {
    super(`timed out acquiring ${path}`);
  }
}

/**
 * Curator's InterProcessMutex: a fair, herd-free lock under `path`, shared with Curator and
 * the server's lock module (`/zoonest/locks/{name}`). One instance holds at most once: use one
 * instance per holder (Curator's per-thread reentrancy has no async equivalent).
 *
 *   await new InterProcessMutex(client, '/zoonest/locks/orders').withLock(() => ship(order));
 */
export class InterProcessMutex {
  private held?: HeldNode;
  private busy = false;

  constructor(
    protected readonly client: ZoonestClient,
    readonly path: string,
    private readonly lockName = LOCK_NAME,
    private readonly contention: Contention = MUTEX,
  ) {
    requireClient('InterProcessMutex', client);
    requirePath('InterProcessMutex', path);
  }

  /** True once acquired, false at the timeout (absent: wait as long as it takes). */
  async acquire(opts: { timeoutMs?: number } = {}): Promise<boolean> {
    if (this.busy || this.held)
      throw new Error(`${this.path}: this instance already holds or is acquiring the lock`);
    this.busy = true;
    try {
      const held = await acquireNode(
        this.client,
        this.path,
        this.lockName,
        this.contention,
        opts.timeoutMs,
        this.client.sessionId,
      );
      if (held) this.held = held;
      return held !== null;
    } finally {
      this.busy = false;
    }
  }

  async release(): Promise<void> {
    const held = this.held;
    if (!held) throw new Error(`${this.path}: not held by this instance`);
    this.held = undefined;
    await deleteQuietly(this.client, held.path);
  }

  async withLock<T>(fn: () => Promise<T>, opts: { timeoutMs?: number } = {}): Promise<T> {
    if (!(await this.acquire(opts))) throw new LockTimeoutError(this.path);
    try {
      return await fn();
    } finally {
      await this.release();
    }
  }

  isAcquiredInThisProcess(): boolean {
    return this.held !== undefined;
  }

  /** The fencing token of the current hold: the lock node's czxid, growing with every holder. */
  get token(): number | undefined {
    return this.held?.token;
  }

  /** The lock node of the current hold. */
  get lockPath(): string | undefined {
    return this.held?.path;
  }

  /** Every contender's node name, in line order (the first holds). */
  async getParticipantNodes(): Promise<string[]> {
    return order(await childrenOrEmpty(this.client, this.path), this.contention.lockNames);
  }
}
