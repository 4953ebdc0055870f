import { Module } from '@nestjs/common';
import { KaderService } from './kader.service';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';

/** Monitoring of the 2026 goals (issue 7): VNG Kader status, coverage of the network, hand-off figures. */
@Module({
  controllers: [MonitoringController],
  providers: [KaderService, MonitoringService],
})
export class MonitoringModule {}
