import { Global, Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Coordinator } from '../core/coordinator';
import type { TxnStore } from '../core/ports';
import { MetricsService } from '../ops/metrics.service';
import { openDataSource, SchemaBehindError } from '../persistence/open-data-source';
import { TypeOrmTxnStore } from '../persistence/typeorm-txn-store';
import { elapsedMs, systemClock, systemEntropy, tickScheduler } from './clock';
import { ReplicaService } from './replica.service';
import { SessionReaper } from './session-reaper';
import type { Settings } from './settings';
import type { ServerEnsemble } from './local-ensemble';
import { ReplicaEnsemble } from './replica-ensemble';
import { ENSEMBLE, SETTINGS, TXN_STORE } from './tokens';

/** Provides the Coordinator, on the durable store the settings choose, to every module. */
@Global()
@Module({})
export class CoordinatorModule {
  static forRoot(settings: Settings): DynamicModule {
    return {
      module: CoordinatorModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // Waiting does not migrate a database; the migrate command does.
          useFactory: () => ({ toRetry: (err: unknown) => !(err instanceof SchemaBehindError) }),
          dataSourceFactory: () =>
            openDataSource({
              dataDir: settings.dataDir,
              dbUrl: settings.dbUrl,
              pgSchema: settings.dbSchema,
              migrate: settings.dbMigrate,
            }),
        }),
      ],
      providers: [
        { provide: SETTINGS, useValue: settings },
        MetricsService,
        {
          provide: TXN_STORE,
          inject: [getDataSourceToken(), MetricsService],
          useFactory: (ds: DataSource, metrics: MetricsService) =>
            new TypeOrmTxnStore(ds, {
              historyTxns: settings.historyTxns,
              pgSchema: settings.dbSchema,
              lockWaited: (ms) => metrics.writeLockWaited(ms),
            }),
        },
        { provide: ENSEMBLE, useValue: new ReplicaEnsemble(settings) },
        {
          provide: Coordinator,
          inject: [TXN_STORE, MetricsService, ENSEMBLE],
          useFactory: async (
            store: TxnStore,
            metrics: MetricsService,
            ensemble: ServerEnsemble,
          ) => {
            const zk = await Coordinator.open({
              store,
              clock: systemClock,
              entropy: systemEntropy,
              scheduler: tickScheduler,
              elapsed: elapsedMs,
              observer: metrics,
              replicated: settings.dbUrl !== undefined,
              ensemble,
              limits: {
                juteMaxBuffer: settings.juteMaxBuffer,
                minSessionTimeoutMs: settings.minSessionTimeoutMs,
                maxSessionTimeoutMs: settings.maxSessionTimeoutMs,
                maxPendingWrites: settings.maxPendingWrites,
              },
              auth: {
                requiredSchemes: settings.enforceAuthSchemes,
                superDigest: settings.superDigest,
              },
            });
            metrics.bind(zk);
            return zk;
          },
        },
        ReplicaService,
        SessionReaper,
      ],
      exports: [SETTINGS, Coordinator, MetricsService, TXN_STORE, ReplicaService, ENSEMBLE],
    };
  }
}
