import { Module } from '@nestjs/common';
import { RecipeCalls } from './recipe-calls';
import { SessionSignals } from './session-signals';

/** What every recipe module shares: one SessionSignals for the whole server. */
@Module({ providers: [SessionSignals, RecipeCalls], exports: [SessionSignals, RecipeCalls] })
export class RecipeSupportModule {}
