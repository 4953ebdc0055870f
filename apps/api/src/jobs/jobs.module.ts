import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';

/** The PostgreSQL-backed job queue, for every module to enqueue into and register handlers with. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
