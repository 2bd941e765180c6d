import type { ChangeEventJson } from '@zoonest/protocol/wire/socketio-events';
import type { RequestPipeline } from './request-pipeline';
import type { Subscription, SubscriptionHandlers } from './subscription';
import { safely } from './typed-emitter';
import { isZoonestError, ZoonestError } from './zoonest-error';
import type { ZxidTracker } from './zxid-tracker';

const POSITION_REFRESH_MS = 5000;

/** How far a subscription got: the last zxid delivered, and how many of its events. */
interface Position {
  zxid: number;
  count: number;
}

class SubscriptionRecord implements Subscription {
  position: Position | undefined;
  /** Events of `skip.zxid` a resume replays again but were delivered before. */
  skip: { zxid: number; left: number } | undefined;
  serverId: number | undefined;
  /** The newest zxid seen when a from-now subscribe went out: its start is at least that. */
  floor = 0;
  /** The connection generation its latest subscribe request went out on. */
  sentIn: number | undefined;
  active = true;
  started = false;
  resetting = false;
  readonly ready: Promise<Subscription>;
  resolveReady!: (s: Subscription) => void;
  rejectReady!: (err: unknown) => void;

  constructor(
    readonly path: string,
    readonly recursive: boolean,
    fromZxid: number | undefined,
    readonly handlers: SubscriptionHandlers,
    private readonly registry: SubscriptionRegistry,
  ) {
    if (fromZxid !== undefined) this.position = { zxid: fromZxid, count: 0 };
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
  }

  get lastZxid(): number | undefined {
    return this.position?.zxid;
  }

  close(): Promise<void> {
    return this.registry.unsubscribe(this);
  }
}

/**
 * Subscriptions (the server's change feed) across connections. Each remembers the last zxid it
 * delivered; after a reconnect, or with a new session, it subscribes again from there, and the
 * server replays what happened meanwhile, so no event is lost or delivered twice.
 */
export class SubscriptionRegistry {
  private readonly records = new Set<SubscriptionRecord>();
  private readonly byServerId = new Map<number, SubscriptionRecord>();
  /** Events that arrived before the subscribe reply said whose they are (the replay). */
  private readonly early = new Map<number, ChangeEventJson[]>();
  private readonly dead = new Set<number>();
  private refresher: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly link: RequestPipeline,
    private readonly zxids: ZxidTracker,
  ) {}

  get size(): number {
    return this.records.size;
  }

  subscribe(
    path: string,
    recursive: boolean,
    fromZxid: number | undefined,
    handlers: SubscriptionHandlers,
  ): Promise<Subscription> {
    if (this.link.refused) return Promise.reject(this.link.refused);
    const record = new SubscriptionRecord(path, recursive, fromZxid, handlers, this);
    this.records.add(record);
    if (this.link.isOpen) this.send(record);
    return record.ready;
  }

  async unsubscribe(record: SubscriptionRecord): Promise<void> {
    if (!record.active) return;
    record.active = false;
    this.records.delete(record);
    const id = record.serverId;
    if (id === undefined) return;
    this.byServerId.delete(id);
    this.dead.add(id);
    await this.link.requestNow('unsubscribe', { subscriptionId: id }).catch(() => undefined);
  }

  /**
   * Everything up to `zxid` has reached this client (a reply, or an event of a later zxid,
   * came after it on the same connection), so a live subscription with nothing newer has
   * missed nothing up to there: moving its position keeps a later resume's replay short.
   */
  reached(zxid: number): void {
    for (const record of this.byServerId.values()) {
      const pos = record.position;
      if (pos && zxid >= pos.zxid && !(zxid === pos.zxid && pos.count === 0)) {
        record.position = { zxid, count: 0 };
      }
    }
  }

  change(event: ChangeEventJson): void {
    this.zxids.see(event.zxid);
    // Other events of the same transaction may still follow: only the ones before are done.
    this.reached(event.zxid - 1);
    const record = this.byServerId.get(event.subscriptionId);
    if (record) return this.deliver(record, event);
    if (this.dead.has(event.subscriptionId)) return;
    let list = this.early.get(event.subscriptionId);
    if (!list) this.early.set(event.subscriptionId, (list = []));
    list.push(event);
  }

  /** A new connection: subscribe again, each from where it got to. */
  resync(): void {
    for (const record of this.records) {
      if (record.sentIn !== this.link.generation) this.send(record);
    }
    this.stopRefresh();
    // A quiet subscription's position only moves with traffic; a sync now and then moves it,
    // so a resume after a long absence does not ask for history the server has trimmed.
    this.refresher = setInterval(() => {
      if (this.byServerId.size > 0) {
        void this.link.requestNow('sync', { path: '/' }).catch(() => undefined);
      }
    }, POSITION_REFRESH_MS);
    (this.refresher as { unref?: () => void }).unref?.();
  }

  lost(): void {
    this.stopRefresh();
    this.byServerId.clear();
    this.early.clear();
    this.dead.clear();
    for (const record of this.records) record.serverId = undefined;
  }

  closed(): void {
    this.stopRefresh();
    for (const record of [...this.records]) {
      record.active = false;
      if (!record.started) record.rejectReady(ZoonestError.connectionLoss('the client is closed'));
      else if (record.handlers.end) safely(() => record.handlers.end?.());
    }
    this.records.clear();
    this.lost();
  }

  private stopRefresh(): void {
    if (this.refresher) clearInterval(this.refresher);
    this.refresher = undefined;
  }

  private send(record: SubscriptionRecord): void {
    const gen = this.link.generation;
    record.sentIn = gen;
    const pos = record.position;
    let fromZxid: number | undefined;
    record.skip = undefined;
    if (!pos) record.floor = this.zxids.last;
    if (pos && pos.count === 0) fromZxid = pos.zxid;
    else if (pos) {
      // Replay the last zxid again: a multi's events share it, and only some may have arrived.
      fromZxid = pos.zxid - 1;
      record.skip = { zxid: pos.zxid, left: pos.count };
    }
    const request = { path: record.path, recursive: record.recursive, fromZxid };
    this.link.requestNow('subscribe', request).then(
      (reply) => this.started(record, gen, reply),
      (err: unknown) => this.failed(record, gen, err),
    );
  }

  private started(
    record: SubscriptionRecord,
    gen: number,
    reply: { subscriptionId: number },
  ): void {
    const id = reply.subscriptionId;
    if (record.sentIn !== gen || gen !== this.link.generation) return;
    if (!record.active) {
      this.dead.add(id);
      void this.link.requestNow('unsubscribe', { subscriptionId: id }).catch(() => undefined);
      return;
    }
    record.serverId = id;
    this.byServerId.set(id, record);
    // Started from now. Until its first event, a resume starts from the newest zxid seen before
    // subscribing (or the start the server reports), so nothing after the start is lost.
    if (!record.position) {
      const start = (reply as { zxid?: unknown }).zxid;
      record.position = { zxid: typeof start === 'number' ? start : record.floor, count: 0 };
    }
    if (record.resetting) {
      record.resetting = false;
      safely(() => record.handlers.reset?.());
    }
    const early = this.early.get(id) ?? [];
    this.early.delete(id);
    for (const event of early) this.deliver(record, event);
    if (!record.started) {
      record.started = true;
      record.resolveReady(record);
    }
  }

  private failed(record: SubscriptionRecord, gen: number, err: unknown): void {
    if (record.sentIn !== gen) return;
    record.sentIn = undefined;
    if (!record.active || isZoonestError(err, 'ConnectionLoss')) return; // resync sends again
    if (record.started && isZoonestError(err, 'HistoryUnavailable') && record.handlers.reset) {
      record.position = undefined;
      record.resetting = true;
      if (this.link.isOpen) this.send(record);
      return;
    }
    record.active = false;
    this.records.delete(record);
    if (!record.started) record.rejectReady(err);
    else safely(() => record.handlers.error?.(err as ZoonestError));
  }

  private deliver(record: SubscriptionRecord, event: ChangeEventJson): void {
    if (!record.active) return;
    const skip = record.skip;
    if (skip) {
      if (event.zxid < skip.zxid) return;
      if (event.zxid === skip.zxid && skip.left > 0) {
        skip.left -= 1;
        return;
      }
      record.skip = undefined;
    }
    const pos = record.position;
    if (!pos || event.zxid > pos.zxid) record.position = { zxid: event.zxid, count: 1 };
    else if (event.zxid === pos.zxid) pos.count += 1;
    const { type, path, zxid, stat } = event;
    safely(() => record.handlers.change({ type, path, zxid, stat }));
  }
}
