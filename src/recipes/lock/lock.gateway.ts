import { Inject, Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import type { Settings } from '../../server/settings';
import { SETTINGS } from '../../server/tokens';
import { NAMESPACE } from '../../protocol/wire/socketio-events';
import { oneOf, requiredInt, requiredString } from '../common/recipe-fields';
import { bindRecipeEvents } from '../common/recipe-socket';
import { SessionSignals } from '../common/session-signals';
import { acquireOptions, guardedWriteJson, maxLeasesOf } from './lock-json';
import { LockService } from './lock.service';
import { RwLockService } from './rw-lock.service';
import { SemaphoreService } from './semaphore.service';

/** `lock.*`, `rwlock.*` and `semaphore.*` events on `/zoonest`, for the socket's session. */
@WebSocketGateway({ namespace: NAMESPACE })
export class LockGateway implements OnGatewayConnection<Socket> {
  private readonly log = new Logger(LockGateway.name);

  constructor(
    private readonly locks: LockService,
    private readonly rw: RwLockService,
    private readonly semaphores: SemaphoreService,
    private readonly sessions: SessionSignals,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  handleConnection(socket: Socket): void {
    const name = (req: Record<string, unknown>) => requiredString(req, 'name');
    bindRecipeEvents(
      socket,
      this.sessions,
      {
        'lock.acquire': ({ ctx, signal }, req) =>
          this.locks.acquire(ctx, name(req), acquireOptions(req, signal)),
        'lock.release': ({ ctx }, req) =>
          this.locks.release(ctx, name(req), requiredString(req, 'node')),
        'lock.describe': ({ ctx }, req) => this.locks.describe(ctx, name(req)),
        'lock.guardedWrite': ({ ctx }, req) =>
          guardedWriteJson(req, this.settings.maxMultiOps, (token, ops) =>
            this.locks.guardedWrite(ctx, name(req), token, ops),
          ),
        'rwlock.acquire': ({ ctx, signal }, req) =>
          this.rw.acquire(
            ctx,
            name(req),
            oneOf(req, 'mode', ['read', 'write'] as const, 'write'),
            acquireOptions(req, signal),
          ),
        'rwlock.release': ({ ctx }, req) =>
          this.rw.release(ctx, name(req), requiredString(req, 'node')),
        'rwlock.describe': ({ ctx }, req) => this.rw.describe(ctx, name(req)),
        'rwlock.guardedWrite': ({ ctx }, req) =>
          guardedWriteJson(req, this.settings.maxMultiOps, (token, ops) =>
            this.rw.guardedWrite(ctx, name(req), token, ops),
          ),
        'semaphore.setMaxLeases': ({ ctx }, req) =>
          this.semaphores.setMaxLeases(
            ctx,
            name(req),
            requiredInt(req, 'maxLeases', 1, 0x7fffffff),
          ),
        'semaphore.acquire': ({ ctx, signal }, req) =>
          this.semaphores.acquire(ctx, name(req), {
            ...acquireOptions(req, signal),
            maxLeases: maxLeasesOf(req),
          }),
        'semaphore.release': ({ ctx }, req) =>
          this.semaphores.release(ctx, name(req), requiredString(req, 'node')),
        'semaphore.describe': ({ ctx }, req) => this.semaphores.describe(ctx, name(req)),
      },
      this.log,
    );
  }
}
