import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One counter that changes whenever the directory's searchable data changes: organisations, people, function
 * assignments, and the region and gemeente names that appear in function titles. Search caches its result pages
 * under this revision (DirectorySearchCache), so an API instance never serves a page from before a committed change,
 * whichever instance made it.
 *
 * The bump runs in a deferred constraint trigger, i.e. at commit time after every other lock of the transaction was
 * taken: two writers then queue on the counter row without ever holding it while waiting for another row (no
 * deadlock), and a transaction-local flag makes it one UPDATE per transaction, not one per row of a CSV import.
 * Because the bump commits with the change itself, a reader that sees the new revision also sees the change.
 */
export class DirectoryRevision1795882000000 implements MigrationInterface {
  name = 'DirectoryRevision1795882000000';

  private static readonly TABLES = [
    'organisation',
    'person',
    'function_assignment',
    'region',
    'municipality',
  ];

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "directory_revision" (
         "id" smallint PRIMARY KEY CHECK ("id" = 1),
         "revision" bigint NOT NULL DEFAULT 0
       )`,
    );
    await queryRunner.query(`INSERT INTO "directory_revision" ("id", "revision") VALUES (1, 0)`);
    await queryRunner.query(
      `CREATE FUNCTION kk_bump_directory_revision() RETURNS trigger LANGUAGE plpgsql
       AS $$ BEGIN
         IF current_setting('kk.directory_revision_bumped', true) IS DISTINCT FROM 'yes' THEN
           PERFORM set_config('kk.directory_revision_bumped', 'yes', true);
           UPDATE directory_revision SET revision = revision + 1 WHERE id = 1;
         END IF;
         RETURN NULL;
       END $$`,
    );
    for (const table of DirectoryRevision1795882000000.TABLES) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER "trg_${table}_directory_revision"
           AFTER INSERT OR UPDATE OR DELETE ON "${table}"
           DEFERRABLE INITIALLY DEFERRED
           FOR EACH ROW EXECUTE FUNCTION kk_bump_directory_revision()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of DirectoryRevision1795882000000.TABLES) {
      await queryRunner.query(`DROP TRIGGER "trg_${table}_directory_revision" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION kk_bump_directory_revision()`);
    await queryRunner.query(`DROP TABLE "directory_revision"`);
  }
}
