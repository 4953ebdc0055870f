import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that make every arm of the directory search indexable and cheap to score (bench/directory.mjs, 10× data):
 * - organisation: `search_name` = kk_fold(name) and `search_vector` = the Dutch tsvector of the folded name and
 *   description, kept by a trigger (the same values as the expressions of idx_organisation_name_trgm and
 *   idx_organisation_fts, but stored: computing kk_fold/to_tsvector per matching row dominated search), with a
 *   trigram GIN and a GIN index;
 * - person: `search_name` = kk_fold(name) likewise (trigram GIN), and a trigram GIN on the folded work e-mail;
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
    await queryRunner.query(`ALTER TABLE "organisation" ADD "search_name" text`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD "search_vector" tsvector`);
    await queryRunner.query(
      `UPDATE "organisation" SET "search_name" = kk_fold(name),
              "search_vector" = to_tsvector('dutch'::regconfig, kk_fold(name || ' ' || coalesce(description, '')))`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION kk_organisation_search_columns() RETURNS trigger LANGUAGE plpgsql
       AS $$ BEGIN
         NEW.search_name := kk_fold(NEW.name);
         NEW.search_vector := to_tsvector('dutch'::regconfig, kk_fold(NEW.name || ' ' || coalesce(NEW.description, '')));
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trg_organisation_search_columns" BEFORE INSERT OR UPDATE OF name, description, search_name, search_vector
         ON "organisation" FOR EACH ROW EXECUTE FUNCTION kk_organisation_search_columns()`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_search_name_trgm" ON "organisation" USING gin ("search_name" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_search_vector" ON "organisation" USING gin ("search_vector")`,
    );
    await queryRunner.query(`ALTER TABLE "person" ADD "search_name" text`);
    await queryRunner.query(`UPDATE "person" SET "search_name" = kk_fold(name)`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION kk_person_search_columns() RETURNS trigger LANGUAGE plpgsql
       AS $$ BEGIN
         NEW.search_name := kk_fold(NEW.name);
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trg_person_search_columns" BEFORE INSERT OR UPDATE OF name, search_name
         ON "person" FOR EACH ROW EXECUTE FUNCTION kk_person_search_columns()`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_person_search_name_trgm" ON "person" USING gin ("search_name" gin_trgm_ops)`,
    );
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
      `CREATE TRIGGER "trg_function_assignment_search_text" BEFORE INSERT OR UPDATE OF function_type, person_id, region_id, municipality_code, search_text
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
    await queryRunner.query(`DROP INDEX "public"."idx_person_search_name_trgm"`);
    await queryRunner.query(`DROP TRIGGER "trg_person_search_columns" ON "person"`);
    await queryRunner.query(`DROP FUNCTION kk_person_search_columns()`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "search_name"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_search_vector"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_search_name_trgm"`);
    await queryRunner.query(`DROP TRIGGER "trg_organisation_search_columns" ON "organisation"`);
    await queryRunner.query(`DROP FUNCTION kk_organisation_search_columns()`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "search_vector"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "search_name"`);
  }
}
