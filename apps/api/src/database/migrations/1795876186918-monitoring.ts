import { MigrationInterface, QueryRunner } from 'typeorm';

export class Monitoring1795876186918 implements MigrationInterface {
  name = 'Monitoring1795876186918';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "kader_criteria_set" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "valid_from" date NOT NULL, "note" character varying(500), "created_by" character varying(120) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_kader_criteria_set_version" UNIQUE ("version"), CONSTRAINT "PK_b43d1dafd56ab665342448ab689" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "kader_criterion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "criteria_set_id" uuid NOT NULL, "code" character varying(20) NOT NULL, "theme" character varying(40) NOT NULL, "level" character varying(12) NOT NULL, "text" text NOT NULL, "source" character varying(300) NOT NULL, "sort_order" integer NOT NULL, CONSTRAINT "uq_kader_criterion_code" UNIQUE ("criteria_set_id", "code"), CONSTRAINT "ck_kader_criterion_level" CHECK (level IN ('basis', 'verdieping')), CONSTRAINT "PK_9bd08137d93d3bc89a36cd3d0cb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "kader_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_code" character varying(6) NOT NULL, "period" character varying(7) NOT NULL, "criterion_id" uuid NOT NULL, "status" character varying(14) NOT NULL, "evidence_url" character varying(500), "assessed_by" character varying(120) NOT NULL, "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_kader_assessment" UNIQUE ("municipality_code", "period", "criterion_id"), CONSTRAINT "ck_kader_assessment_status" CHECK (status IN ('voldoet', 'deels', 'voldoet-niet', 'onbekend')), CONSTRAINT "PK_76cb58f2e82da7ecdea191672e4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bb97f4941dfc4f4762656ca0c2" ON "kader_assessment"  ("criterion_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_kader_assessment_period" ON "kader_assessment"  ("period", "municipality_code") `,
    );
    await queryRunner.query(
      `ALTER TABLE "kader_criterion" ADD CONSTRAINT "FK_715fee9742523590d4e82469e35" FOREIGN KEY ("criteria_set_id") REFERENCES "kader_criteria_set"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kader_assessment" ADD CONSTRAINT "FK_893fb4884654f89eb094dd5246d" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kader_assessment" ADD CONSTRAINT "FK_bb97f4941dfc4f4762656ca0c24" FOREIGN KEY ("criterion_id") REFERENCES "kader_criterion"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "kader_assessment" DROP CONSTRAINT "FK_bb97f4941dfc4f4762656ca0c24"`,
    );
    await queryRunner.query(
      `ALTER TABLE "kader_assessment" DROP CONSTRAINT "FK_893fb4884654f89eb094dd5246d"`,
    );
    await queryRunner.query(`ALTER TABLE "kader_criterion" DROP CONSTRAINT "FK_715fee9742523590d4e82469e35"`);
    await queryRunner.query(`DROP INDEX "public"."idx_kader_assessment_period"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bb97f4941dfc4f4762656ca0c2"`);
    await queryRunner.query(`DROP TABLE "kader_assessment"`);
    await queryRunner.query(`DROP TABLE "kader_criterion"`);
    await queryRunner.query(`DROP TABLE "kader_criteria_set"`);
  }
}
