import { MigrationInterface, QueryRunner } from 'typeorm';

export class Responsibilities1795873741166 implements MigrationInterface {
  name = 'Responsibilities1795873741166';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "responsibility_default" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cell_key" character varying(160) NOT NULL, "task" character varying(40) NOT NULL, "organisation_type" character varying(40) NOT NULL, "exploitation_form" character varying(40), "target_group" character varying(20), "level" character varying(20) NOT NULL, "note" text NOT NULL, "source_title" character varying(200) NOT NULL, "source_reference" character varying(300), "source_url" character varying(500), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_responsibility_default_level" CHECK (level IN ('lead', 'contributes', 'refers-on', 'not-responsible')), CONSTRAINT "PK_2368459584e0e318a59f57d236a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_responsibility_default_cell_key" ON "responsibility_default"  ("cell_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "responsibility_override" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_id" uuid NOT NULL, "cell_key" character varying(160) NOT NULL, "task" character varying(40) NOT NULL, "organisation_type" character varying(40) NOT NULL, "exploitation_form" character varying(40), "target_group" character varying(20), "level" character varying(20) NOT NULL, "organisation_id" uuid, "note" text NOT NULL, "source_title" character varying(200) NOT NULL, "source_reference" character varying(300), "source_url" character varying(500), "valid_from" date NOT NULL, "valid_until" date, "status" character varying(12) NOT NULL, "proposed_by" character varying(120) NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by" character varying(120), "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_responsibility_override_period" CHECK (valid_until IS NULL OR valid_until > valid_from), CONSTRAINT "ck_responsibility_override_status" CHECK (status IN ('proposed', 'approved', 'rejected')), CONSTRAINT "ck_responsibility_override_level" CHECK (level IN ('lead', 'contributes', 'refers-on', 'not-responsible')), CONSTRAINT "PK_07c18b82c366516b46ea3286c72" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_818a3270ea24b7034f987396fa" ON "responsibility_override"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_responsibility_override_region_cell" ON "responsibility_override"  ("region_id", "cell_key") `,
    );
    await queryRunner.query(
      `ALTER TABLE "responsibility_override" ADD CONSTRAINT "FK_c40b8684f80ef2d1f58ed78849a" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "responsibility_override" ADD CONSTRAINT "FK_818a3270ea24b7034f987396fa7" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "responsibility_override" DROP CONSTRAINT "FK_818a3270ea24b7034f987396fa7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "responsibility_override" DROP CONSTRAINT "FK_c40b8684f80ef2d1f58ed78849a"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_responsibility_override_region_cell"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_818a3270ea24b7034f987396fa"`);
    await queryRunner.query(`DROP TABLE "responsibility_override"`);
    await queryRunner.query(`DROP INDEX "public"."uq_responsibility_default_cell_key"`);
    await queryRunner.query(`DROP TABLE "responsibility_default"`);
  }
}
