import type { ErrorJson } from '@zoonest/protocol/wire/error-json';
import {
  emitRequest,
  type ReplyOf,
  type RequestName,
  type RequestOf,
  type ZoonestSocket,
} from './wire';
import { ZoonestError } from './zoonest-error';

interface Pending {
  event: RequestName;
  payload: unknown;
  /** Safe to send again after a lost connection (reads); writes fail with ConnectionLoss. */
  idempotent: boolean;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export interface RequestOptions {
  idempotent?: boolean;
}

/**
 * Requests on the one connection: sent at once and pipelined while connected (replies come
 * back in order), held in a bounded queue while not.
 */
export class RequestPipeline {
  private socket: ZoonestSocket | undefined;
  private gen = 0;
  private readonly queue: Pending[] = [];
  private readonly inflight = new Set<Pending>();
  private refusal: ZoonestError | undefined;

  constructor(
    private readonly maxQueued: number,
    private readonly onReply: (reply: unknown) => void,
  ) {}

  get isOpen(): boolean {
    return this.socket !== undefined;
  }

  /** Counts connections; a reply from an older one is stale. */
  get generation(): number {
    return this.gen;
  }

  /** Set once every request fails (closed, or expired without renewal). */
  get refused(): ZoonestError | undefined {
    return this.refusal;
  }

  get queued(): number {
    return this.queue.length;
  }

  request<E extends RequestName>(
    event: E,
    payload: RequestOf<E>,
    opts: RequestOptions = {},
  ): Promise<ReplyOf<E>> {
    if (this.refusal) return Promise.reject(this.refusal);
    return new Promise<unknown>((resolve, reject) => {
      const pending = { event, payload, idempotent: opts.idempotent ?? false, resolve, reject };
      if (this.socket) this.send(this.socket, pending);
      else if (this.queue.length >= this.maxQueued) {
        reject(
          ZoonestError.connectionLoss(
            `not connected, and ${this.maxQueued} requests already wait for the connection (maxQueuedRequests)`,
          ),
        );
      } else this.queue.push(pending);
    }) as Promise<ReplyOf<E>>;
  }

  /** Sends on the current connection only; fails at once when there is none. */
  requestNow<E extends RequestName>(event: E, payload: RequestOf<E>): Promise<ReplyOf<E>> {
    if (this.refusal) return Promise.reject(this.refusal);
    const socket = this.socket;
    if (!socket) return Promise.reject(ZoonestError.connectionLoss('not connected'));
    return new Promise<unknown>((resolve, reject) => {
      this.send(socket, { event, payload, idempotent: false, resolve, reject });
    }) as Promise<ReplyOf<E>>;
  }

  /** A new connection carries the session; queued requests wait for `flush`. */
  attach(socket: ZoonestSocket): void {
    this.socket = socket;
    this.gen += 1;
  }

  flush(): void {
    const socket = this.socket;
    if (!socket) return;
    for (const pending of this.queue.splice(0)) this.send(socket, pending);
  }

  /** The connection is gone: reads go back to the head of the queue, writes fail. */
  detach(): void {
    this.socket = undefined;
    const retry: Pending[] = [];
    for (const pending of this.inflight) {
      if (this.refusal) pending.reject(this.refusal);
      else if (pending.idempotent) retry.push(pending);
      else {
        pending.reject(
          ZoonestError.connectionLoss(
            `the connection was lost before the reply to ${pending.event}; it may or may not have been applied`,
          ),
        );
      }
    }
    this.inflight.clear();
    this.queue.unshift(...retry);
  }

  /** Fails what waits for a connection (the session it was meant for is gone). */
  failQueued(err: ZoonestError): void {
    for (const pending of this.queue.splice(0)) pending.reject(err);
  }

  failAll(err: ZoonestError): void {
    this.failQueued(err);
    for (const pending of this.inflight) pending.reject(err);
    this.inflight.clear();
  }

  /** From now on every request fails with `err` (closed, or expired without renewal). */
  refuse(err: ZoonestError): void {
    this.refusal = err;
  }

  private send(socket: ZoonestSocket, pending: Pending): void {
    const gen = this.gen;
    this.inflight.add(pending);
    emitRequest(socket, pending.event, pending.payload, (error, result) => {
      if (gen !== this.gen || !this.inflight.delete(pending)) return;
      if (error) pending.reject(toError(error));
      else {
        this.onReply(result);
        pending.resolve(result);
      }
    });
  }
}

function toError(error: unknown): ZoonestError {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return ZoonestError.fromJson(error as ErrorJson);
  }
  return new ZoonestError(-1, `SystemError: unexpected error reply ${JSON.stringify(error)}`);
}
