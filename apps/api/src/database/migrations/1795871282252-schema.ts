import { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795871282252 implements MigrationInterface {
  name = 'Schema1795871282252';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "municipality" ("code" character varying(6) NOT NULL, "cbs_code" character varying(4) NOT NULL, "name" character varying(120) NOT NULL, "display_name" character varying(120), "valid_from" date NOT NULL, "valid_until" date, "successor_code" character varying(6), CONSTRAINT "PK_f01eb47e7b81481ca5a146a786d" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dd4a58f5c3bc60bd7f5bfa7035" ON "municipality"  ("valid_until") `,
    );
    await queryRunner.query(
      `CREATE TABLE "region_type" ("code" character varying(40) NOT NULL, "name" character varying(120) NOT NULL, "name_en" character varying(120) NOT NULL, "editable" boolean NOT NULL, "sort_order" integer NOT NULL, CONSTRAINT "PK_e2059a3f20ca37e41521b944fcc" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "region" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type_code" character varying(40) NOT NULL, "code" character varying(60) NOT NULL, "name" character varying(160) NOT NULL, "valid_from" date NOT NULL, "valid_until" date, "source" character varying(12) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_region_type_code" UNIQUE ("type_code", "code"), CONSTRAINT "PK_5f48ffc3af96bc486f5f3f3a6da" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e2059a3f20ca37e41521b944fc" ON "region"  ("type_code") `);
    await queryRunner.query(
      `CREATE TABLE "region_membership" ("region_id" uuid NOT NULL, "municipality_code" character varying(6) NOT NULL, "valid_from" date NOT NULL, "valid_until" date, CONSTRAINT "PK_351a05ce7943bd336bd7348730e" PRIMARY KEY ("region_id", "municipality_code", "valid_from"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_26ddf31f8c26fb58b39a60af34" ON "region_membership"  ("municipality_code") `,
    );
    await queryRunner.query(
      `ALTER TABLE "municipality" ADD CONSTRAINT "FK_a5e47da74e4926d222f1a8000a1" FOREIGN KEY ("successor_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "region" ADD CONSTRAINT "FK_e2059a3f20ca37e41521b944fcc" FOREIGN KEY ("type_code") REFERENCES "region_type"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "region_membership" ADD CONSTRAINT "FK_ea7ed45b51938d4d0a77131c65d" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "region_membership" ADD CONSTRAINT "FK_26ddf31f8c26fb58b39a60af34f" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "region_membership" DROP CONSTRAINT "FK_26ddf31f8c26fb58b39a60af34f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "region_membership" DROP CONSTRAINT "FK_ea7ed45b51938d4d0a77131c65d"`,
    );
    await queryRunner.query(`ALTER TABLE "region" DROP CONSTRAINT "FK_e2059a3f20ca37e41521b944fcc"`);
    await queryRunner.query(`ALTER TABLE "municipality" DROP CONSTRAINT "FK_a5e47da74e4926d222f1a8000a1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_26ddf31f8c26fb58b39a60af34"`);
    await queryRunner.query(`DROP TABLE "region_membership"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e2059a3f20ca37e41521b944fc"`);
    await queryRunner.query(`DROP TABLE "region"`);
    await queryRunner.query(`DROP TABLE "region_type"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dd4a58f5c3bc60bd7f5bfa7035"`);
    await queryRunner.query(`DROP TABLE "municipality"`);
  }
}
