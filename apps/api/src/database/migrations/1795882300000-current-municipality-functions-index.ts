import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The functions of a gemeente that have not ended (not archived, no end date or one still to come), which the region
 * page lists per gemeente: a partial index on gemeente and end date, so that the many ended assignments are skipped
 * in the index instead of being read from the table and filtered out (README, Mixed load).
 */
export class CurrentMunicipalityFunctionsIndex1795882300000 implements MigrationInterface {
  name = 'CurrentMunicipalityFunctionsIndex1795882300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_function_assignment_municipality_open" ON "function_assignment"
         ("municipality_code", (coalesce("end_date", 'infinity'::date)))
         WHERE "archived_at" IS NULL AND "municipality_code" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_function_assignment_municipality_open"`);
  }
}
