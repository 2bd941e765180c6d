import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Coordinator } from '../core/coordinator';
import { ReplicaService } from './replica.service';
import type { Settings } from './settings';
import { SETTINGS } from './tokens';

/**
 * Expires sessions past their deadline and reaps containers and TTL nodes, on timers; on a
 * cluster only the replica that holds the expirer role does, so each happens once.
 */
@Injectable()
export class SessionReaper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(SessionReaper.name);
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly zk: Coordinator,
    private readonly replica: ReplicaService,
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
    if (!this.replica.runsExpiry) return;
    try {
      await this.replica.prepareExpiry();
    } catch (err) {
      this.log.warn(`not expiring sessions: their liveness cannot be read (${String(err)})`);
      return;
    }
    const expired = await this.zk.expireSessions();
    for (const id of expired) this.log.log(`session 0x${id.toString(16)} expired`);
  }

  private async reap(): Promise<void> {
    if (!this.replica.runsExpiry) return;
    const removed = await this.zk.reap();
    if (removed > 0) this.log.log(`reaped ${removed} container/TTL nodes`);
  }
}
