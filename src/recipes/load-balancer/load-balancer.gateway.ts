import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { NAMESPACE } from '../../protocol/wire/socketio-events';
import { longPollOf } from '../common/change-poll';
import { oneOf, optionalString, requiredString } from '../common/recipe-fields';
import { bindRecipeEvents } from '../common/recipe-socket';
import { SessionSignals } from '../common/session-signals';
import { BalancerService } from './balancer.service';
import { memberInfoOf } from './consumer-group-json';
import { ConsumerGroupService } from './consumer-group.service';
import { PartitionsService } from './partitions.service';
import { PICK_STRATEGIES } from './pick-strategy';

/** `lb.*` events on `/zoonest`: picks, producer partitions and consumer groups. */
@WebSocketGateway({ namespace: NAMESPACE })
export class LoadBalancerGateway implements OnGatewayConnection<Socket> {
  private readonly log = new Logger(LoadBalancerGateway.name);

  constructor(
    private readonly balancer: BalancerService,
    private readonly partitions: PartitionsService,
    private readonly groups: ConsumerGroupService,
    private readonly sessions: SessionSignals,
  ) {}

  handleConnection(socket: Socket): void {
    bindRecipeEvents(
      socket,
      this.sessions,
      {
        'lb.pick': ({ ctx }, req) =>
          this.balancer.pick(
            ctx,
            requiredString(req, 'service'),
            oneOf(req, 'strategy', PICK_STRATEGIES, 'round-robin'),
            optionalString(req, 'key'),
          ),
        'lb.done': async (_call, req) => ({
          counted: this.balancer.done(requiredString(req, 'ticket')),
        }),
        'lb.partitions': async ({ ctx }, req) => ({
          partitions: (await this.partitions.partitions(ctx, requiredString(req, 'topic'))).value,
        }),
        'lb.nextPartition': ({ ctx }, req) =>
          this.partitions.next(ctx, requiredString(req, 'topic')),
        'lb.join': ({ ctx }, req) =>
          this.groups.join(
            ctx,
            requiredString(req, 'group'),
            memberInfoOf(req),
            optionalString(req, 'id'),
          ),
        'lb.leave': ({ ctx }, req) =>
          this.groups.leave(ctx, requiredString(req, 'group'), requiredString(req, 'id')),
        'lb.assignment': async ({ ctx, signal }, req) => {
          const [group, id] = [requiredString(req, 'group'), requiredString(req, 'id')];
          const { since, timeoutMs } = longPollOf(req);
          const { value, zxid } = await this.groups.assignment(ctx, group, id, since, {
            timeoutMs,
            signal,
          });
          return { ...value, zxid };
        },
      },
      this.log,
    );
  }
}
