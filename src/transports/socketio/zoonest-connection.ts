import type { LoggerService } from '@nestjs/common';
import type { Coordinator } from '../../core/coordinator';
import type { ClientContext } from '../../core/coordinator-types';
import type { ChangeEvent, WatchEvent, Watcher } from '../../core/watch-event';
import { isZkError } from '../../core/zk-error';
import { errorToJson } from '../json/error-json';
import { statToJson } from '../json/stat-json';
import type { Ack } from '../../protocol/wire/socketio-events';
import { OPERATIONS, type Call } from './operations';
import { ReplyQueue } from './reply-queue';
import { fieldsOf } from './request-fields';
import { SocketSubscriptions } from './socket-subscriptions';
import { certificateIds } from '../tls-peer';
import type { ZkSocket } from './zk-socket';

export interface ConnectionDeps {
  zk: Coordinator;
  maxMultiOps: number;
  log: LoggerService;
}

/**
 * One socket bound to its session: it answers the socket's requests in order and is the
 * Watcher of every watch the socket sets.
 */
export class ZoonestConnection implements Watcher {
  readonly ctx: ClientContext;
  private readonly subscriptions: SocketSubscriptions;
  private readonly replies: ReplyQueue;
  private closeRequested = false;

  constructor(
    readonly socket: ZkSocket,
    private readonly deps: ConnectionDeps,
  ) {
    this.ctx = {
      sessionId: socket.data.session.sessionId,
      remoteAddress: socket.handshake.address,
      ids: certificateIds(socket.request.socket),
    };
    this.subscriptions = new SocketSubscriptions((subscriptionId, event) =>
      this.emitChange(subscriptionId, event),
    );
    this.replies = new ReplyQueue((err) => this.unexpected(err));
    const gg = globalThis as unknown as { znSockets?: Record<string, unknown> };
    (gg.znSockets ??= {})[socket.id] = socket;
  }

  get sessionId(): bigint {
    return this.ctx.sessionId;
  }

  notify(event: WatchEvent): void {
    this.socket.emit('watch', { type: event.type, path: event.path, zxid: event.zxid });
  }

  /** One incoming event, its args as Socket.IO passes them: the payload, then the ack. */
  handle(event: string, args: unknown[]): void {
    // Events of other gateways on this namespace are theirs; `in` would see Object's keys.
    if (!Object.hasOwn(OPERATIONS, event)) return;
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') return; // nowhere to answer: ignore the request
    const reply = ack as Ack<unknown>;
    const after: Array<() => void> = [];
    const call: Call = {
      zk: this.deps.zk,
      ctx: this.ctx,
      watcher: this,
      subscriptions: this.subscriptions,
      maxMultiOps: this.deps.maxMultiOps,
      closeRequested: () => {
        this.closeRequested = true;
      },
      afterReply: (fn) => after.push(fn),
    };
    const operation = OPERATIONS[event as keyof typeof OPERATIONS];
    const work = (async () => operation(call, fieldsOf(args.length > 1 ? args[0] : undefined)))();
    const g = globalThis as unknown as Record<string, number>;
    void work
      .finally(() => {
        g.znSettled = (g.znSettled ?? 0) + 1;
      })
      .catch(() => undefined);
    this.replies.push(work, (outcome) => {
      g.znSent = (g.znSent ?? 0) + 1;
      if (outcome.ok) {
        reply(null, outcome.value);
      } else {
        if (!isZkError(outcome.error)) this.unexpected(outcome.error);
        reply(errorToJson(outcome.error));
      }
      for (const fn of after) fn();
    });
  }

  /** The session ended: say so, let the replies already due go out, then hang up. */
  sessionClosed(): void {
    this.socket.emit('sessionClosed', {
      sessionId: this.sessionId.toString(),
      reason: this.closeRequested ? 'closed' : 'expired',
    });
    void this.replies.drained().then(() => this.socket.disconnect());
  }

  /** The socket went away: its watches and subscriptions go; the session lives on its timeout. */
  close(): void {
    this.deps.zk.dropWatcher(this);
    this.subscriptions.close();
    this.deps.zk.detach(this.sessionId);
  }

  private emitChange(subscriptionId: number, event: ChangeEvent): void {
    this.socket.emit('change', {
      subscriptionId,
      type: event.type,
      path: event.path,
      zxid: event.zxid,
      stat: statToJson(event.stat),
    });
  }

  private unexpected(err: unknown): void {
    this.deps.log.error(
      `socket ${this.socket.id}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
  }
}
