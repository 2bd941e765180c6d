import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { decodeData } from '../../transports/json/data-encoding';
import { NAMESPACE } from '../../protocol/wire/socketio-events';
import { requiredString } from '../common/recipe-fields';
import { bindRecipeEvents } from '../common/recipe-socket';
import { SessionSignals } from '../common/session-signals';
import { encodingOf, itemJson, takeOptionsOf } from './queue-json';
import { QueueService } from './queue.service';

/** `queue.*` events on `/zoonest`; `queue.take` waits up to timeoutMs. */
@WebSocketGateway({ namespace: NAMESPACE })
export class QueueGateway implements OnGatewayConnection<Socket> {
  private readonly log = new Logger(QueueGateway.name);

  constructor(
    private readonly queues: QueueService,
    private readonly sessions: SessionSignals,
  ) {}

  handleConnection(socket: Socket): void {
    const name = (req: Record<string, unknown>) => requiredString(req, 'name');
    bindRecipeEvents(
      socket,
      this.sessions,
      {
        'queue.put': ({ ctx }, req) =>
          this.queues.put(ctx, name(req), decodeData(req.data, encodingOf(req))),
        'queue.take': async ({ ctx, signal }, req) => {
          const item = await this.queues.take(ctx, name(req), { ...takeOptionsOf(req), signal });
          return itemJson(item, encodingOf(req));
        },
        'queue.peek': async ({ ctx }, req) =>
          itemJson(await this.queues.peek(ctx, name(req)), encodingOf(req)),
        'queue.stats': ({ ctx }, req) => this.queues.stats(ctx, name(req)),
        'queue.ack': ({ ctx }, req) => this.queues.ack(ctx, name(req), requiredString(req, 'id')),
        'queue.release': ({ ctx }, req) =>
          this.queues.release(ctx, name(req), requiredString(req, 'id')),
      },
      this.log,
    );
  }
}
