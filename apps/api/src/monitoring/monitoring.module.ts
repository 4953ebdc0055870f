import { Module } from '@nestjs/common';
import { KaderReportsController } from './kader-reports.controller';
import { KaderReportsService } from './kader-reports.service';
import { KaderService } from './kader.service';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';
import { PolicyDocumentsController } from './policy-documents.controller';
import { PolicyDocumentsService } from './policy-documents.service';

/**
 * Monitoring of the 2026 goals (issue 7): VNG Kader status, policy documents, coverage of the network, hand-off
 * figures, the trend and the reports.
 */
@Module({
  controllers: [MonitoringController, PolicyDocumentsController, KaderReportsController],
  providers: [KaderService, MonitoringService, PolicyDocumentsService, KaderReportsService],
})
export class MonitoringModule {}
