import { MigrationInterface, QueryRunner } from 'typeorm';

export class PolicyDocuments1795881043395 implements MigrationInterface {
  name = 'PolicyDocuments1795881043395';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "policy_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_code" character varying(6) NOT NULL, "title" character varying(300) NOT NULL, "url" character varying(500), "adopted_on" date NOT NULL, "exploitation_forms" text array NOT NULL DEFAULT '{}', "valid_until" date, "archived_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_by" character varying(120) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" character varying(120) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_policy_document_valid_until" CHECK (valid_until IS NULL OR valid_until >= adopted_on), CONSTRAINT "ck_policy_document_forms" CHECK (exploitation_forms <@ ARRAY['seksuele-uitbuiting', 'arbeidsuitbuiting', 'criminele-uitbuiting', 'gedwongen-orgaanverwijdering']::text[]), CONSTRAINT "PK_bcf61e29dc9154db3e3d0d7ba6f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_policy_document_municipality" ON "policy_document"  ("municipality_code", "adopted_on") `,
    );
    await queryRunner.query(
      `ALTER TABLE "policy_document" ADD CONSTRAINT "FK_4ce09d0bb6b2950edb214ba3d3f" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "policy_document" DROP CONSTRAINT "FK_4ce09d0bb6b2950edb214ba3d3f"`);
    await queryRunner.query(`DROP INDEX "public"."idx_policy_document_municipality"`);
    await queryRunner.query(`DROP TABLE "policy_document"`);
  }
}
