import { Module } from '@nestjs/common';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';
import { DirectorySearchCache } from './search-cache';
import { FunctionsController } from './functions.controller';
import { FunctionsService } from './functions.service';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';

/** The directory of issue 3: organisations, people, functions, search, the chain per region, upkeep. */
@Module({
  controllers: [OrganisationsController, PeopleController, FunctionsController, DirectoryController],
  providers: [OrganisationsService, PeopleService, FunctionsService, DirectoryService, DirectorySearchCache],
  exports: [OrganisationsService, PeopleService],
})
export class DirectoryModule {}
