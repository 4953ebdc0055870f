import { Module } from '@nestjs/common';
import { DirectoryImportController } from './directory-import.controller';
import { DirectoryImportService } from './directory-import.service';

/** CSV import of organisations and people for CoMensha (issue 3 §6). */
@Module({ controllers: [DirectoryImportController], providers: [DirectoryImportService] })
export class DirectoryImportModule {}
