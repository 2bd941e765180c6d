import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AdminModule } from '../admin/admin.module';
import { OpsModule } from '../ops/ops.module';
import { RecipesModule } from '../recipes/recipes.module';
import { RestModule } from '../transports/rest/rest.module';
import { SocketIoModule } from '../transports/socketio/socketio.module';
import { ZookeeperModule } from '../transports/zookeeper/zookeeper.module';
import { XdsModule } from '../xds/xds.module';
import { CoordinatorModule } from './coordinator.module';
import type { Settings } from './settings';

@Module({})
export class AppModule {
  static forRoot(settings: Settings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: settings.logLevel,
            autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
          },
        }),
        CoordinatorModule.forRoot(settings),
        OpsModule,
        RestModule,
        SocketIoModule,
        ZookeeperModule,
        RecipesModule,
        AdminModule,
        XdsModule,
      ],
    };
  }
}
