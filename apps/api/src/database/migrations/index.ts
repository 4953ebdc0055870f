import { Extensions1764300000000 } from './1764300000000-extensions';
import { Schema1795871282252 } from './1795871282252-schema';

/** Migrations in order. Generated with `npm run db:migration:generate -- <Name>`; never edited once merged. */
export const MIGRATIONS: Function[] = [
  Extensions1764300000000,
  Schema1795871282252,
];
