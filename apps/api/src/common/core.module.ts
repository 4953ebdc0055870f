import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/** Providers every module may use without importing anything. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class CoreModule {}
