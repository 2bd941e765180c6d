import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { NAMESPACE } from '../../protocol/wire/socketio-events';
import { longPollOf } from '../common/change-poll';
import { requiredString } from '../common/recipe-fields';
import { bindRecipeEvents } from '../common/recipe-socket';
import { SessionSignals } from '../common/session-signals';
import { registrationOf, sideOf, updateOf } from './registry-json';
import { RegistryService } from './registry.service';

/** `registry.*` events on `/zoonest`; `registry.instances` with `since` waits for the next change. */
@WebSocketGateway({ namespace: NAMESPACE })
export class RegistryGateway implements OnGatewayConnection<Socket> {
  private readonly log = new Logger(RegistryGateway.name);

  constructor(
    private readonly registry: RegistryService,
    private readonly sessions: SessionSignals,
  ) {}

  handleConnection(socket: Socket): void {
    const service = (req: Record<string, unknown>) => requiredString(req, 'service');
    bindRecipeEvents(
      socket,
      this.sessions,
      {
        'registry.register': ({ ctx }, req) =>
          this.registry.register(ctx, service(req), sideOf(req), registrationOf(req)),
        'registry.update': ({ ctx }, req) =>
          this.registry.update(
            ctx,
            service(req),
            sideOf(req),
            requiredString(req, 'id'),
            updateOf(req),
          ),
        'registry.deregister': ({ ctx }, req) =>
          this.registry.deregister(ctx, service(req), sideOf(req), requiredString(req, 'id')),
        'registry.instances': async ({ ctx, signal }, req) => {
          const [name, side] = [service(req), sideOf(req)];
          const { since, timeoutMs } = longPollOf(req);
          const { value, zxid } = await this.registry.instances(ctx, name, side, since, {
            timeoutMs,
            signal,
          });
          return { instances: value, zxid };
        },
      },
      this.log,
    );
  }
}
