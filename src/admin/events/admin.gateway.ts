import type { OnModuleDestroy } from '@nestjs/common';
import {
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { Subscription } from '../../core/change-feed';
import { Coordinator } from '../../core/coordinator';
import { ZkError } from '../../core/zk-error';
import { errorToJson } from '../../transports/json/error-json';
import { adminContext } from '../admin-context';
import type { ChangesMessage } from '../admin-api-types';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { ADMIN_COOKIE, readCookie } from '../auth/admin-cookie';
import { AdminIdentity } from '../auth/admin-identity';
import { LoginSessions } from '../auth/login-sessions';
import { optionalInt, requiredString } from '../query-fields';
import { followChanges } from './admin-follow';
import { ChangeBatcher } from './change-batcher';

const ADMIN_NAMESPACE = '/admin';
const BATCH_MS = 100;
const MAX_HISTORY = 1000;
const MAX_FOLLOWS = 8;

interface Follow {
  subscription: Subscription;
  batcher: ChangeBatcher;
}

type Ack = (error: unknown, result?: unknown) => void;

interface FollowRequest {
  prefix?: unknown;
  /** Resume after this zxid (the last one the client saw)... */
  fromZxid?: unknown;
  /** ...or start this many transactions back. */
  history?: unknown;
}

/**
 * Namespace `/admin`, for a logged-in dashboard only: `follow {prefix, fromZxid | history}`
 * streams the changes under a path as `changes` batches (replayed from the transaction log
 * first), and every audit entry is pushed as `audit`.
 */
@WebSocketGateway({ namespace: ADMIN_NAMESPACE })
export class AdminGateway
  implements
    OnGatewayInit<Namespace>,
    OnGatewayConnection<Socket>,
    OnGatewayDisconnect<Socket>,
    OnModuleDestroy
{
  private readonly follows = new Map<Socket, Map<number, Follow>>();
  private stopAudit: () => void = () => undefined;

  constructor(
    private readonly zk: Coordinator,
    private readonly logins: LoginSessions,
    private readonly audit: AuditService,
    private readonly identity: AdminIdentity,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      const session = this.logins.verify(readCookie(socket.handshake.headers.cookie, ADMIN_COOKIE));
      if (!session) {
        next(new Error('log in to the dashboard first'));
        return;
      }
      const actor: Actor = {
        user: session.user,
        remoteAddress: socket.handshake.address,
        ids: this.identity.ids,
      };
      (socket.data as { actor?: Actor }).actor = actor;
      next();
    });
    this.stopAudit = this.audit.onRecorded((entry) => namespace.emit('audit', entry));
  }

  handleConnection(socket: Socket): void {
    const actor = (socket.data as { actor: Actor }).actor;
    const follows = new Map<number, Follow>();
    this.follows.set(socket, follows);
    socket.on('follow', (req: FollowRequest | undefined, ack: Ack) => {
      if (typeof ack !== 'function') return;
      this.follow(socket, follows, actor, req).then(
        (answer) => ack(null, answer),
        (err: unknown) => ack(errorToJson(err)),
      );
    });
    socket.on('unfollow', (req: { subscriptionId?: unknown } | undefined, ack?: Ack) => {
      const id = typeof req?.subscriptionId === 'number' ? req.subscriptionId : -1;
      const follow = follows.get(id);
      if (follow) end(follow);
      follows.delete(id);
      if (typeof ack === 'function') ack(null, { subscriptionId: id });
    });
  }

  handleDisconnect(socket: Socket): void {
    for (const follow of this.follows.get(socket)?.values() ?? []) end(follow);
    this.follows.delete(socket);
  }

  onModuleDestroy(): void {
    this.stopAudit();
    for (const follows of this.follows.values()) for (const f of follows.values()) end(f);
    this.follows.clear();
  }

  private async follow(
    socket: Socket,
    follows: Map<number, Follow>,
    actor: Actor,
    req: FollowRequest | undefined,
  ): Promise<{ subscriptionId: number; fromZxid: number }> {
    if (follows.size >= MAX_FOLLOWS) {
      throw ZkError.badArguments(`at most ${MAX_FOLLOWS} follows per connection`);
    }
    const prefix = requiredString(req?.prefix ?? '/', 'prefix');
    const fromZxid = optionalInt(req?.fromZxid, 'fromZxid');
    const history = Math.min(Math.max(optionalInt(req?.history, 'history') ?? 0, 0), MAX_HISTORY);
    let subscriptionId = 0;
    const batcher = new ChangeBatcher(BATCH_MS, (batch) =>
      socket.emit('changes', { subscriptionId, ...batch } satisfies ChangesMessage),
    );
    const subscription = await followChanges(
      this.zk,
      adminContext(actor),
      prefix,
      { fromZxid, history },
      (e) => batcher.push(e),
    );
    subscriptionId = subscription.id;
    const follow = { subscription, batcher };
    if (!socket.connected) end(follow);
    else follows.set(subscription.id, follow);
    return { subscriptionId, fromZxid: subscription.fromZxid };
  }
}

function end(follow: Follow): void {
  follow.subscription.cancel();
  follow.batcher.close();
}
