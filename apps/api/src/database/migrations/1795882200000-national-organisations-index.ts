import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national organisations (current ones), which the region page and the matrix lookup add to every answer:
 * a partial index, so that they are no longer found by scanning the whole organisation table (README, Mixed load).
 */
export class NationalOrganisationsIndex1795882200000 implements MigrationInterface {
  name = 'NationalOrganisationsIndex1795882200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_national" ON "organisation" ("name", "id") WHERE "national" AND "archived_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_national"`);
  }
}
