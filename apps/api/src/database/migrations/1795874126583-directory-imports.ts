import { MigrationInterface, QueryRunner } from 'typeorm';

export class DirectoryImports1795874126583 implements MigrationInterface {
  name = 'DirectoryImports1795874126583';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "directory_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(20) NOT NULL, "status" character varying(20) NOT NULL, "dry_run" boolean NOT NULL DEFAULT false, "total_rows" integer NOT NULL DEFAULT '0', "processed_rows" integer NOT NULL DEFAULT '0', "created_count" integer NOT NULL DEFAULT '0', "updated_count" integer NOT NULL DEFAULT '0', "unchanged_count" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "created_by" character varying(120) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_bf94c5f8503500cbb101dcf0881" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7305b5a8e111ee3c705d43e3d9" ON "directory_import"  ("status") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_7305b5a8e111ee3c705d43e3d9"`);
    await queryRunner.query(`DROP TABLE "directory_import"`);
  }
}
