import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extensions and helpers that search relies on. `unaccent()` is only STABLE, so indexes use an IMMUTABLE
 * wrapper with the dictionary named explicitly (the documented PostgreSQL pattern).
 */
export class Extensions1764300000000 implements MigrationInterface {
  name = 'Extensions1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION kk_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS kk_fold(text)`);
  }
}
