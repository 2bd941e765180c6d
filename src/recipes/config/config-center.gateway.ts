import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { NAMESPACE } from '../../protocol/wire/socketio-events';
import { longPollOf } from '../common/change-poll';
import {
  optionalInt,
  optionalString,
  requiredInt,
  requiredString,
  type Fields,
} from '../common/recipe-fields';
import { bindRecipeEvents } from '../common/recipe-socket';
import { SessionSignals } from '../common/session-signals';
import type { ConfigKey } from './config-entry';
import { configItemsJson, keysOf, publishOf } from './config-json';
import { ConfigCenterService } from './config-center.service';

function keyOf(req: Fields): ConfigKey {
  return {
    namespace: optionalString(req, 'namespace') ?? 'public',
    group: optionalString(req, 'group') ?? 'DEFAULT_GROUP',
    key: requiredString(req, 'key'),
  };
}

/** `config.*` events on `/zoonest`; `config.watch` answers at the next change after `since`. */
@WebSocketGateway({ namespace: NAMESPACE })
export class ConfigCenterGateway implements OnGatewayConnection<Socket> {
  private readonly log = new Logger(ConfigCenterGateway.name);

  constructor(
    private readonly config: ConfigCenterService,
    private readonly sessions: SessionSignals,
  ) {}

  handleConnection(socket: Socket): void {
    bindRecipeEvents(
      socket,
      this.sessions,
      {
        'config.get': ({ ctx }, req) => this.config.get(ctx, keyOf(req)),
        'config.watch': async ({ ctx, signal }, req) => {
          const key = keyOf(req);
          const { since, timeoutMs } = longPollOf(req);
          const { value, zxid } = await this.config.watch(ctx, key, since, { timeoutMs, signal });
          return { value, zxid };
        },
        'config.publish': ({ ctx }, req) => this.config.publish(ctx, keyOf(req), publishOf(req)),
        'config.getMany': async ({ ctx }, req) => ({
          items: configItemsJson(await this.config.getMany(ctx, keysOf(req.keys))),
        }),
        'config.history': async ({ ctx }, req) => ({
          history: await this.config.history(ctx, keyOf(req)),
        }),
        'config.diff': ({ ctx }, req) =>
          this.config.diff(ctx, keyOf(req), requiredInt(req, 'from', 0), optionalInt(req, 'to', 0)),
        'config.rollback': ({ ctx }, req) =>
          this.config.rollback(
            ctx,
            keyOf(req),
            requiredInt(req, 'toVersion', 0),
            optionalInt(req, 'expectedVersion', -1),
          ),
        'config.remove': ({ ctx }, req) =>
          this.config.remove(ctx, keyOf(req), optionalInt(req, 'expectedVersion', -1) ?? -1),
      },
      this.log,
    );
  }
}
