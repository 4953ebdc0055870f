import { MigrationInterface, QueryRunner } from 'typeorm';

export class Directory1795871961326 implements MigrationInterface {
  name = 'Directory1795871961326';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "directory_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_kind" character varying(20) NOT NULL, "entity_id" uuid NOT NULL, "version" integer NOT NULL, "action" character varying(20) NOT NULL, "changed_by" character varying(120) NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "changes" jsonb NOT NULL, "snapshot" jsonb NOT NULL, CONSTRAINT "uq_directory_change_version" UNIQUE ("entity_kind", "entity_id", "version"), CONSTRAINT "PK_1ded4670f5c8e28a7b174a37fb6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_directory_change_entity" ON "directory_change"  ("entity_kind", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "type" character varying(40) NOT NULL, "description" text, "website" character varying(300), "parent_id" uuid, "contact_points" jsonb NOT NULL DEFAULT '[]', "address" character varying(300), "address_confidential" boolean NOT NULL DEFAULT false, "national" boolean NOT NULL DEFAULT false, "municipality_codes" text array NOT NULL DEFAULT '{}', "region_ids" uuid array NOT NULL DEFAULT '{}', "exploitation_forms" text array NOT NULL DEFAULT '{}', "target_groups" text array NOT NULL DEFAULT '{}', "external_key" character varying(100), "last_verified_at" TIMESTAMP WITH TIME ZONE, "last_verified_by" character varying(120), "archived_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_32f700d239cde4882bd80eb519" ON "organisation"  ("type") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_c4ba39f5697ec0cd6e03314b61" ON "organisation"  ("parent_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_organisation_external_key" ON "organisation"  ("external_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_830d97a70042cdf2edc7d0459e" ON "organisation"  ("archived_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(160) NOT NULL, "work_email" character varying(254), "work_phone" character varying(40), "organisation_id" uuid, "external_key" character varying(100), "last_verified_at" TIMESTAMP WITH TIME ZONE, "last_verified_by" character varying(120), "archived_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_53e60754c1edacbd248622810d" ON "person"  ("organisation_id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_person_external_key" ON "person"  ("external_key") `);
    await queryRunner.query(
      `CREATE TABLE "function_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "function_type" character varying(40) NOT NULL, "person_id" uuid, "organisation_id" uuid, "region_id" uuid, "municipality_code" character varying(6), "start_date" date NOT NULL, "end_date" date, "hours_per_week" numeric(4,1), "deputy_person_id" uuid, "training_date" date, "op_afstand" boolean NOT NULL DEFAULT false, "last_verified_at" TIMESTAMP WITH TIME ZONE, "last_verified_by" character varying(120), "archived_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_function_assignment_period" CHECK (end_date IS NULL OR end_date >= start_date), CONSTRAINT "ck_function_assignment_holder" CHECK (person_id IS NOT NULL OR op_afstand), CONSTRAINT "ck_function_assignment_scope" CHECK ((region_id IS NULL) <> (municipality_code IS NULL)), CONSTRAINT "PK_e57a3e82e63a14859827268e2f6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_39d12c9031e011eb8d11511409" ON "function_assignment"  ("function_type") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_530cec08c5e420667f3bb16da7" ON "function_assignment"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4ada720cb91f7fea79b25ff6f7" ON "function_assignment"  ("region_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e354593a4ca8905938b780aed3" ON "function_assignment"  ("municipality_code") `,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD CONSTRAINT "FK_c4ba39f5697ec0cd6e03314b616" FOREIGN KEY ("parent_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "FK_53e60754c1edacbd248622810d8" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "function_assignment" ADD CONSTRAINT "FK_530cec08c5e420667f3bb16da7c" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "function_assignment" ADD CONSTRAINT "FK_061aad7e139c9e977738a5537c5" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "function_assignment" ADD CONSTRAINT "FK_4ada720cb91f7fea79b25ff6f72" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "function_assignment" ADD CONSTRAINT "FK_e354593a4ca8905938b780aed36" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "function_assignment" ADD CONSTRAINT "FK_3fd426d7585a5c9ec06abb70d34" FOREIGN KEY ("deputy_person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Search indexes TypeORM cannot express (declared on the entities with synchronize: false).
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_name_trgm" ON "organisation" USING gin (kk_fold("name") gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_fts" ON "organisation" USING gin (to_tsvector('dutch'::regconfig, kk_fold("name" || ' ' || coalesce("description", ''))))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_municipality_codes" ON "organisation" USING gin ("municipality_codes")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organisation_region_ids" ON "organisation" USING gin ("region_ids")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_person_name_trgm" ON "person" USING gin (kk_fold("name") gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_person_name_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_region_ids"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_municipality_codes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_fts"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organisation_name_trgm"`);
    await queryRunner.query(
      `ALTER TABLE "function_assignment" DROP CONSTRAINT "FK_3fd426d7585a5c9ec06abb70d34"`,
    );
    await queryRunner.query(
      `ALTER TABLE "function_assignment" DROP CONSTRAINT "FK_e354593a4ca8905938b780aed36"`,
    );
    await queryRunner.query(
      `ALTER TABLE "function_assignment" DROP CONSTRAINT "FK_4ada720cb91f7fea79b25ff6f72"`,
    );
    await queryRunner.query(
      `ALTER TABLE "function_assignment" DROP CONSTRAINT "FK_061aad7e139c9e977738a5537c5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "function_assignment" DROP CONSTRAINT "FK_530cec08c5e420667f3bb16da7c"`,
    );
    await queryRunner.query(`ALTER TABLE "person" DROP CONSTRAINT "FK_53e60754c1edacbd248622810d8"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "FK_c4ba39f5697ec0cd6e03314b616"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e354593a4ca8905938b780aed3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4ada720cb91f7fea79b25ff6f7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_530cec08c5e420667f3bb16da7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_39d12c9031e011eb8d11511409"`);
    await queryRunner.query(`DROP TABLE "function_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."uq_person_external_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_53e60754c1edacbd248622810d"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_830d97a70042cdf2edc7d0459e"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisation_external_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c4ba39f5697ec0cd6e03314b61"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_32f700d239cde4882bd80eb519"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_directory_change_entity"`);
    await queryRunner.query(`DROP TABLE "directory_change"`);
  }
}
