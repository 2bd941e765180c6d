import { Module } from '@nestjs/common';
import { ZookeeperServer } from './zookeeper-server';

/** The ZooKeeper wire protocol; Coordinator and SETTINGS come from the global CoordinatorModule. */
@Module({ providers: [ZookeeperServer], exports: [ZookeeperServer] })
export class ZookeeperModule {}
