import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MultiController } from './multi.controller';
import { SessionsController } from './sessions.controller';
import { ZkExceptionFilter } from './zk-exception.filter';
import { ZnodesController } from './znodes.controller';

@Module({
  controllers: [SessionsController, ZnodesController, MultiController],
  providers: [{ provide: APP_FILTER, useClass: ZkExceptionFilter }],
})
export class RestModule {}
