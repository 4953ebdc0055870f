import type { MigrationInterface } from 'typeorm';
import { Extensions1764300000000 } from './1764300000000-extensions';
import { Schema1795871282252 } from './1795871282252-schema';
import { Directory1795871961326 } from './1795871961326-directory';
import { Identity1795872822548 } from './1795872822548-identity';
import { Responsibilities1795873741166 } from './1795873741166-responsibilities';
import { DirectoryImports1795874126583 } from './1795874126583-directory-imports';
import { Handoffs1795875131098 } from './1795875131098-handoffs';
import { SearchIndexes1795875600000 } from './1795875600000-search-indexes';
import { Monitoring1795876186918 } from './1795876186918-monitoring';
import { SearchTextRefresh1795876800000 } from './1795876800000-search-text-refresh';
import { HandoffJobs1795881038477 } from './1795881038477-handoff-jobs';
import { PolicyDocuments1795881043395 } from './1795881043395-policy-documents';
import { DirectoryRevision1795882000000 } from './1795882000000-directory-revision';
import { OidcSignOn1795882100000 } from './1795882100000-oidc-sign-on';
import { NationalOrganisationsIndex1795882200000 } from './1795882200000-national-organisations-index';
import { CurrentMunicipalityFunctionsIndex1795882300000 } from './1795882300000-current-municipality-functions-index';

/** Migrations in order. Generated with `npm run db:migration:generate -- <Name>`; never edited once merged. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Extensions1764300000000,
  Schema1795871282252,
  Directory1795871961326,
  Identity1795872822548,
  Responsibilities1795873741166,
  DirectoryImports1795874126583,
  Handoffs1795875131098,
  SearchIndexes1795875600000,
  Monitoring1795876186918,
  SearchTextRefresh1795876800000,
  HandoffJobs1795881038477,
  PolicyDocuments1795881043395,
  DirectoryRevision1795882000000,
  OidcSignOn1795882100000,
  NationalOrganisationsIndex1795882200000,
  CurrentMunicipalityFunctionsIndex1795882300000,
];
