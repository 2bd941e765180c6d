import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { MultiController } from './multi.controller';
import { ReplicaConsistencyInterceptor } from './replica-consistency.interceptor';
import { SessionsController } from './sessions.controller';
import { ZkExceptionFilter } from './zk-exception.filter';
import { ZnodesController } from './znodes.controller';

@Module({
  controllers: [SessionsController, ZnodesController, MultiController],
  providers: [
    { provide: APP_FILTER, useClass: ZkExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: ReplicaConsistencyInterceptor },
  ],
})
export class RestModule {}
