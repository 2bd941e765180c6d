import { Module } from '@nestjs/common';
import { ZoonestGateway } from './zoonest.gateway';

/** The Socket.IO transport; Coordinator and SETTINGS come from the global CoordinatorModule. */
@Module({ providers: [ZoonestGateway] })
export class SocketIoModule {}
