import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Coordinator } from '../core/coordinator';
import type { Settings } from './settings';
import { SETTINGS } from './tokens';

/** Expires sessions past their deadline and reaps containers and TTL nodes, on timers. */
@Injectable()
export class SessionReaper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(SessionReaper.name);
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly zk: Coordinator,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  onApplicationBootstrap(): void {
    this.timers = [
      setInterval(() => void this.expire(), this.settings.sessionCheckMs),
      setInterval(() => void this.reap(), this.settings.reapIntervalMs),
    ];
    for (const t of this.timers) t.unref();
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearInterval(t);
  }

  private async expire(): Promise<void> {
    const expired = await this.zk.expireSessions();
    for (const id of expired) this.log.log(`session 0x${id.toString(16)} expired`);
  }

  private async reap(): Promise<void> {
    const removed = await this.zk.reap();
    if (removed > 0) this.log.log(`reaped ${removed} container/TTL nodes`);
  }
}
