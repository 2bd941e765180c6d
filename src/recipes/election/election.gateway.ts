import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { NAMESPACE } from '../../protocol/wire/socketio-events';
import { longPollOf } from '../common/change-poll';
import { waitOptions } from '../common/deadline';
import { optionalString, requiredString } from '../common/recipe-fields';
import { bindRecipeEvents } from '../common/recipe-socket';
import { SessionSignals } from '../common/session-signals';
import { ElectionService } from './election.service';

/** `election.*` events on `/zoonest`; `election.state` with `since` waits for the next change. */
@WebSocketGateway({ namespace: NAMESPACE })
export class ElectionGateway implements OnGatewayConnection<Socket> {
  private readonly log = new Logger(ElectionGateway.name);

  constructor(
    private readonly elections: ElectionService,
    private readonly sessions: SessionSignals,
  ) {}

  handleConnection(socket: Socket): void {
    const group = (req: Record<string, unknown>) => requiredString(req, 'group');
    bindRecipeEvents(
      socket,
      this.sessions,
      {
        'election.join': ({ ctx }, req) =>
          this.elections.join(
            ctx,
            group(req),
            requiredString(req, 'id'),
            optionalString(req, 'data') ?? '',
          ),
        'election.leave': ({ ctx }, req) =>
          this.elections.leave(ctx, group(req), requiredString(req, 'id')),
        'election.campaign': ({ ctx, signal }, req) =>
          this.elections.campaign(
            ctx,
            group(req),
            requiredString(req, 'id'),
            waitOptions(req, signal),
          ),
        'election.await': ({ ctx, signal }, req) =>
          this.elections.awaitLeadership(
            ctx,
            group(req),
            requiredString(req, 'node'),
            waitOptions(req, signal),
          ),
        'election.resign': ({ ctx }, req) =>
          this.elections.resign(ctx, group(req), requiredString(req, 'node')),
        'election.state': async ({ ctx, signal }, req) => {
          const g = group(req);
          const { since, timeoutMs } = longPollOf(req);
          const { value, zxid } = await this.elections.state(ctx, g, since, { timeoutMs, signal });
          return { ...value, zxid };
        },
      },
      this.log,
    );
  }
}
