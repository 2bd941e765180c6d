import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { ZkError } from '../../core/zk-error';
import { NAMESPACE } from '../../transports/socketio/events';
import { parseTimeout } from '../common/deadline';
import { oneOf, optionalInt, optionalString, requiredString } from '../common/recipe-fields';
import { bindRecipeEvents } from '../common/recipe-socket';
import { SessionSignals } from '../common/session-signals';
import { ASSIGNORS } from './assignors';
import { BalancerService } from './balancer.service';
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
        'lb.join': ({ ctx }, req) => {
          const topics = req.topics;
          if (
            !Array.isArray(topics) ||
            topics.length === 0 ||
            !topics.every((t): t is string => typeof t === 'string')
          ) {
            throw ZkError.badArguments('topics must be a non-empty list of topic names');
          }
          return this.groups.join(
            ctx,
            requiredString(req, 'group'),
            { topics, assignor: oneOf(req, 'assignor', ASSIGNORS, 'range') },
            optionalString(req, 'id'),
          );
        },
        'lb.leave': ({ ctx }, req) =>
          this.groups.leave(ctx, requiredString(req, 'group'), requiredString(req, 'id')),
        'lb.assignment': async ({ ctx, signal }, req) => {
          const { value, zxid } = await this.groups.assignment(
            ctx,
            requiredString(req, 'group'),
            requiredString(req, 'id'),
            optionalInt(req, 'since', 0),
            { timeoutMs: parseTimeout(req.timeoutMs) ?? 30_000, signal },
          );
          return { ...value, zxid };
        },
      },
      (err) => this.log.error(err instanceof Error ? (err.stack ?? err.message) : String(err)),
    );
  }
}
