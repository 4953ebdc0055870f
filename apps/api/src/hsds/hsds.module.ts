import { Module } from '@nestjs/common';
import { HsdsController } from './hsds.controller';
import { HsdsService } from './hsds.service';

/** The public directory as an Open Referral HSDS 3.0 feed. */
@Module({ controllers: [HsdsController], providers: [HsdsService] })
export class HsdsModule {}
