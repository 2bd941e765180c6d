import { Module } from '@nestjs/common';
import { AdminCommandsController } from './admin-server/admin-commands.controller';
import { ZookeeperServer } from './zookeeper-server';

/**
 * The ZooKeeper wire protocol, and ZooKeeper's AdminServer commands on the HTTP port;
 * Coordinator and SETTINGS come from the global CoordinatorModule.
 */
@Module({
  providers: [ZookeeperServer],
  controllers: [AdminCommandsController],
  exports: [ZookeeperServer],
})
export class ZookeeperModule {}
