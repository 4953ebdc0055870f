import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fixes kk_refresh_function_search_text() of SearchIndexes1795875600000: its single UPDATE named NEW.code, so a
 * rename of a person or region (which have no `code`) failed with "record "new" has no field "code"". One UPDATE
 * per table now (PL/pgSQL compiles the branch taken only). down() restores the previous body.
 */
export class SearchTextRefresh1795876800000 implements MigrationInterface {
  name = 'SearchTextRefresh1795876800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION kk_refresh_function_search_text() RETURNS trigger LANGUAGE plpgsql
       AS $$ BEGIN
         IF TG_TABLE_NAME = 'person' THEN
           UPDATE function_assignment f
              SET search_text = kk_function_search_text(f.function_type, f.person_id, f.region_id, f.municipality_code)
            WHERE f.person_id = NEW.id;
         ELSIF TG_TABLE_NAME = 'region' THEN
           UPDATE function_assignment f
              SET search_text = kk_function_search_text(f.function_type, f.person_id, f.region_id, f.municipality_code)
            WHERE f.region_id = NEW.id;
         ELSE
           UPDATE function_assignment f
              SET search_text = kk_function_search_text(f.function_type, f.person_id, f.region_id, f.municipality_code)
            WHERE f.municipality_code = NEW.code;
         END IF;
         RETURN NULL;
       END $$`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
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
  }
}
