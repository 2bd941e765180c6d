import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { NAMESPACE } from '../../protocol/wire/socketio-events';
import { waitOptions } from '../common/deadline';
import { optionalString, requiredInt, requiredString } from '../common/recipe-fields';
import { bindRecipeEvents } from '../common/recipe-socket';
import { SessionSignals } from '../common/session-signals';
import { BarrierService } from './barrier.service';
import { changeJson, longField, longJson } from './counter-json';
import { CounterService } from './counter.service';
import { DoubleBarrierService } from './double-barrier.service';

/** `barrier.*`, `doubleBarrier.*` and `counter.*` events on `/zoonest`. */
@WebSocketGateway({ namespace: NAMESPACE })
export class BarrierGateway implements OnGatewayConnection<Socket> {
  private readonly log = new Logger(BarrierGateway.name);

  constructor(
    private readonly barriers: BarrierService,
    private readonly doubles: DoubleBarrierService,
    private readonly counters: CounterService,
    private readonly sessions: SessionSignals,
  ) {}

  handleConnection(socket: Socket): void {
    const name = (req: Record<string, unknown>) => requiredString(req, 'name');
    bindRecipeEvents(
      socket,
      this.sessions,
      {
        'barrier.set': ({ ctx }, req) => this.barriers.set(ctx, name(req)),
        'barrier.remove': ({ ctx }, req) => this.barriers.remove(ctx, name(req)),
        'barrier.wait': async ({ ctx, signal }, req) => ({
          passed: await this.barriers.wait(ctx, name(req), waitOptions(req, signal)),
        }),
        'doubleBarrier.enter': ({ ctx, signal }, req) =>
          this.doubles.enter(ctx, name(req), requiredInt(req, 'members', 1, 1_000_000), {
            id: optionalString(req, 'id'),
            ...waitOptions(req, signal),
          }),
        'doubleBarrier.leave': ({ ctx, signal }, req) =>
          this.doubles.leave(ctx, name(req), requiredString(req, 'id'), waitOptions(req, signal)),
        'counter.get': async ({ ctx }, req) => ({
          value: longJson(await this.counters.get(ctx, name(req))),
        }),
        'counter.add': async ({ ctx }, req) =>
          changeJson(await this.counters.add(ctx, name(req), longField(req, 'delta', false) ?? 1n)),
      },
      this.log,
    );
  }
}
