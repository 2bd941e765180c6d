import { Module } from '@nestjs/common';
import { RecipeSupportModule } from '../common/recipe-support.module';
import { LockController } from './lock.controller';
import { LockService } from './lock.service';
import { RwLockController } from './rw-lock.controller';
import { RwLockService } from './rw-lock.service';
import { SemaphoreController } from './semaphore.controller';
import { SemaphoreService } from './semaphore.service';
import { LockGateway } from './lock.gateway';

/** Exclusive locks, read-write locks and semaphores, with fencing tokens. */
@Module({
  imports: [RecipeSupportModule],
  providers: [LockService, RwLockService, SemaphoreService, LockGateway],
  controllers: [LockController, RwLockController, SemaphoreController],
  exports: [LockService, RwLockService, SemaphoreService],
})
export class LockModule {}
