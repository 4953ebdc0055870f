import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that make every arm of the directory search indexable (bench/directory.mjs, 10× data):
 * - person: trigram GIN on the folded work e-mail, for `LIKE '%…%'`;
 * - function_assignment: `search_text`, the folded text that search matches a function on (label, holder,
 *   region or gemeente), kept by triggers because it spans four tables, with a trigram GIN index for `<%`.
 *   The label CASE mirrors FUNCTION_TYPE_LABELS (shared domain) as of this migration; search still checks the
 *   text built from the joined rows, so this column only narrows the candidates.
 * Hand-written: TypeORM cannot express expression/trigram indexes or triggers (entities declare the indexes
 * with `synchronize: false`).
 */
export class SearchIndexes1795875600000 implements MigrationInterface {
  name = 'SearchIndexes1795875600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_person_work_email_trgm" ON "person" USING gin (lower(coalesce("work_email", '')) gin_trgm_ops)`,
    );
    await queryRunner.query(`ALTER TABLE "function_assignment" ADD "search_text" text`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION kk_function_search_text(function_type text, person_id uuid, region_id uuid, municipality_code text)
         RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
       AS $$ SELECT kk_fold(
                (CASE $1 WHEN 'ketenregisseur' THEN 'Ketenregisseur' WHEN 'zorgcoordinator' THEN 'Zorgcoördinator'
                         WHEN 'aandachtsfunctionaris' THEN 'Aandachtsfunctionaris' WHEN 'riec-contact' THEN 'RIEC-contactpersoon'
                         WHEN 'zvh-procesregisseur' THEN 'ZVH-procesregisseur' WHEN 'comensha-consulent' THEN 'CoMensha-consulent'
                         ELSE $1 END)
                || ' ' || coalesce((SELECT p.name FROM public.person p WHERE p.id = $2), 'CoMensha op afstand')
                || ' ' || coalesce((SELECT r.name FROM public.region r WHERE r.id = $3),
                                   (SELECT g.name FROM public.municipality g WHERE g.code = $4), '')) $$`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION kk_function_assignment_search_text() RETURNS trigger LANGUAGE plpgsql
       AS $$ BEGIN
         NEW.search_text := kk_function_search_text(NEW.function_type, NEW.person_id, NEW.region_id, NEW.municipality_code);
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trg_function_assignment_search_text" BEFORE INSERT OR UPDATE OF function_type, person_id, region_id, municipality_code
         ON "function_assignment" FOR EACH ROW EXECUTE FUNCTION kk_function_assignment_search_text()`,
    );
    // A renamed holder, region or gemeente refreshes the text of its functions.
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION kk_refresh_function_search_text() RETURNS trigger LANGUAGE plpgsql
       AS $$ BEGIN
         UPDATE function_assignment f
            SET search_text = kk_function_search_text(f.function_type, f.person_id, f.region_id, f.municipality_code)
          WHERE (TG_TABLE_NAME = 'person' AND f.person_id::text = NEW.id::text)
             OR (TG_TABLE_NAME = 'region' AND f.region_id::text = NEW.id::text)
             OR (TG_TABLE_NAME = 'municipality' AND f.municipality_code = NEW.code);
         RETURN NULL;
       END $$`,
    );
    for (const table of ['person', 'region', 'municipality']) {
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_function_search_text" AFTER UPDATE OF name ON "${table}"
           FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION kk_refresh_function_search_text()`,
      );
    }
    await queryRunner.query(
      `UPDATE "function_assignment"
          SET "search_text" = kk_function_search_text(function_type, person_id, region_id, municipality_code)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_function_assignment_search_trgm" ON "function_assignment" USING gin ("search_text" gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_function_assignment_search_trgm"`);
    for (const table of ['municipality', 'region', 'person']) {
      await queryRunner.query(`DROP TRIGGER "trg_${table}_function_search_text" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION kk_refresh_function_search_text()`);
    await queryRunner.query(`DROP TRIGGER "trg_function_assignment_search_text" ON "function_assignment"`);
    await queryRunner.query(`DROP FUNCTION kk_function_assignment_search_text()`);
    await queryRunner.query(`DROP FUNCTION kk_function_search_text(text, uuid, uuid, text)`);
    await queryRunner.query(`ALTER TABLE "function_assignment" DROP COLUMN "search_text"`);
    await queryRunner.query(`DROP INDEX "public"."idx_person_work_email_trgm"`);
  }
}
