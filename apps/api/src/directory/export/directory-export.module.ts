import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory.module';
import { DirectoryExportController } from './directory-export.controller';
import { DirectoryExportService } from './directory-export.service';

/**
 * CSV export of the directory's lists (issue 3 §6). Imported before DirectoryModule in AppModule, so that
 * `organisations/export` is routed here before `organisations/:id` can take it.
 */
@Module({
  imports: [DirectoryModule],
  controllers: [DirectoryExportController],
  providers: [DirectoryExportService],
})
export class DirectoryExportModule {}
