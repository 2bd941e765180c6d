import {
  Logger,
  Module,
  RequestMethod,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { RecipesModule } from '../recipes/recipes.module';
import { XdsModule } from '../xds/xds.module';
import type { Settings } from '../server/settings';
import { SETTINGS } from '../server/tokens';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { AdminAuthGuard } from './auth/admin-auth.guard';
import { AdminCredentials } from './auth/admin-credentials';
import { AdminIdentity } from './auth/admin-identity';
import { AuthController } from './auth/auth.controller';
import { LoginSessions } from './auth/login-sessions';
import { LoginThrottle } from './auth/login-throttle';
import { MeshViewController } from './mesh/mesh-view.controller';
import { ConfigViewController } from './config/config-view.controller';
import { CoordinationOverview } from './coordination/coordination-overview';
import { CoordinationViewController } from './coordination/coordination-view.controller';
import { AdminGateway } from './events/admin.gateway';
import { OverviewController } from './overview/overview.controller';
import { StatsSampler } from './overview/stats-sampler';
import { ReplicasViewController } from './replicas/replicas-view.controller';
import { ServicesViewController } from './services/services-view.controller';
import { SessionsViewController } from './sessions/sessions-view.controller';
import { TreeController } from './tree/tree.controller';
import { ZnodeBrowser } from './tree/znode-browser';
import { WebAppMiddleware } from './web-app/web-app.middleware';

/** A dashboard login lasts a working day. */
const LOGIN_TTL_MS = 12 * 60 * 60 * 1000;

/** The dashboard: the single-page app at `/`, its admin API and its live feed, behind a login. */
@Module({
  imports: [RecipesModule, XdsModule],
  providers: [
    {
      provide: AdminIdentity,
      inject: [SETTINGS],
      useFactory: (settings: Settings) => AdminIdentity.fromSettings(settings),
    },
    {
      provide: AdminCredentials,
      inject: [SETTINGS],
      useFactory: (settings: Settings) => {
        if (settings.adminPasswordHash)
          return new AdminCredentials(settings.adminUser, settings.adminPasswordHash);
        const { credentials, password } = AdminCredentials.generated(settings.adminUser);
        new Logger('Dashboard').warn(
          `no ZOONEST_ADMIN_PASSWORD set: log in as "${settings.adminUser}" with the password ${password} (generated for this run)`,
        );
        return credentials;
      },
    },
    { provide: LoginSessions, useFactory: () => new LoginSessions(LOGIN_TTL_MS) },
    { provide: LoginThrottle, useFactory: () => new LoginThrottle() },
    AdminAuthGuard,
    AuditService,
    ZnodeBrowser,
    CoordinationOverview,
    StatsSampler,
    AdminGateway,
  ],
  controllers: [
    AuthController,
    AuditController,
    OverviewController,
    TreeController,
    SessionsViewController,
    ServicesViewController,
    ConfigViewController,
    CoordinationViewController,
    MeshViewController,
    ReplicasViewController,
  ],
})
export class AdminModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // A GET route, not app.use(): a mounted middleware would see every URL as `/`.
    consumer.apply(WebAppMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.GET });
  }
}
