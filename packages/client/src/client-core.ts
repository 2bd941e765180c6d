import type { AuthInfo, ResolvedOptions } from './client-options';
import { ConnectionManager, type ConnectionHandler } from './connection-manager';
import type { ConnectionState } from './connection-state';
import { RequestPipeline } from './request-pipeline';
import { ServerList } from './server-list';
import type { Stat } from './stat';
import { SubscriptionRegistry } from './subscription-registry';
import type { Watcher } from './watched-event';
import { WatchRegistry, type WatchKind } from './watch-registry';
import { isZoonestError } from './zoonest-error';
import { ZxidTracker } from './zxid-tracker';

/**
 * The parts behind ZoonestClient and how they meet: each new connection first proves the
 * client's identities, subscribes again and re-sets watches, then sends what was queued.
 */
export class ClientCore {
  readonly zxids = new ZxidTracker();
  readonly watches = new WatchRegistry();
  readonly pipeline: RequestPipeline;
  readonly subscriptions: SubscriptionRegistry;
  readonly connection: ConnectionManager;
  /** Identities to prove on every connection. */
  readonly auth: AuthInfo[];
  /** The addAuth requests of the latest connection. */
  authRound: Promise<unknown> = Promise.resolve();

  constructor(
    options: ResolvedOptions,
    private readonly events: { state(state: ConnectionState): void; closed(): void },
  ) {
    this.auth = [...options.auth];
    this.pipeline = new RequestPipeline(options.maxQueuedRequests, (reply) => {
      const zxid = this.zxids.seeReply(reply);
      if (zxid !== undefined) this.subscriptions.reached(zxid);
    });
    this.subscriptions = new SubscriptionRegistry(this.pipeline, this.zxids);
    this.connection = new ConnectionManager(
      {
        servers: new ServerList(options.servers),
        sessionTimeoutMs: options.sessionTimeoutMs,
        connectTimeoutMs: options.connectTimeoutMs,
        autoRenewSession: options.autoRenewSession,
        backoff: options.retry,
        socketOptions: options.socketOptions,
      },
      this.pipeline,
      this.zxids,
      this.handler(),
    );
  }

  /** Sends a read that may set a one-shot watch, registered before it goes out. */
  async watched<T>(
    path: string,
    kind: WatchKind,
    watcher: Watcher | undefined,
    send: (watch: boolean) => Promise<T>,
    statOf: (reply: T) => Stat | null,
  ): Promise<T> {
    if (!watcher) return send(false);
    const reg = this.watches.add(path, kind, watcher);
    try {
      const reply = await send(true);
      this.watches.settle(reg, statOf(reply));
      return reply;
    } catch (err) {
      this.watches.cancel(path, reg);
      throw err;
    }
  }

  private handler(): ConnectionHandler {
    return {
      ready: () => {
        this.authRound = Promise.all(
          this.auth.map((a) => this.pipeline.requestNow('addAuth', { ...a })),
        );
        this.authRound.catch(() => undefined);
        this.subscriptions.resync();
        this.watches.resync({
          exists: async (path) =>
            (await this.pipeline.requestNow('exists', { path, watch: true })).stat,
          childrenStat: (path) =>
            this.pipeline.requestNow('getChildren', { path, watch: true }).then(
              (r) => r.stat,
              (err: unknown) => {
                if (isZoonestError(err, 'NoNode')) return null;
                throw err;
              },
            ),
          lastZxid: () => this.zxids.last,
        });
      },
      lost: () => this.subscriptions.lost(),
      expired: () => undefined,
      closed: () => {
        this.subscriptions.closed();
        this.events.closed();
      },
      watch: (event) => {
        this.zxids.see(event.zxid);
        this.subscriptions.reached(event.zxid - 1);
        this.watches.dispatch(event);
      },
      change: (event) => this.subscriptions.change(event),
      state: (state) => this.events.state(state),
    };
  }
}
