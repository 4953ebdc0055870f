import { MigrationInterface, QueryRunner } from 'typeorm';

export class Handoffs1795875131098 implements MigrationInterface {
  name = 'Handoffs1795875131098';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "handoff" ("id" uuid NOT NULL, "case_reference" character varying(20) NOT NULL, "external_reference" character varying(60), "path_code" character varying(40) NOT NULL, "state" character varying(20) NOT NULL, "version" integer NOT NULL, "sender_organisation_id" uuid NOT NULL, "sender_account_id" uuid, "receiver_organisation_id" uuid, "receiver_region_id" uuid, "receiver_function_type" character varying(40), "municipality_code" character varying(6) NOT NULL, "region_ids" uuid array NOT NULL DEFAULT '{}', "exploitation_form" character varying(40) NOT NULL, "target_group" character varying(20) NOT NULL, "minor" boolean NOT NULL, "age_band" character varying(10) NOT NULL, "consent_given" boolean NOT NULL, "consent_date" date, "consent_given_by" character varying(20), "legal_basis" character varying(40) NOT NULL, "notes" text, "decline_reason" character varying(40), "alternative_organisation_id" uuid, "forwarded_from_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "respond_before" date, "responded_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_036052d138cc8c887e20ce4e1dd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_handoff_case_reference" ON "handoff"  ("case_reference") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_35b4aef12f0f43d721f09b0865" ON "handoff"  ("forwarded_from_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_handoff_receiver_inbox" ON "handoff"  ("receiver_region_id", "receiver_function_type", "state") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_handoff_sender_organisation" ON "handoff"  ("sender_organisation_id", "state") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_handoff_receiver_organisation" ON "handoff"  ("receiver_organisation_id", "state") `,
    );
    await queryRunner.query(
      `CREATE TABLE "handoff_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "handoff_id" uuid NOT NULL, "version" integer NOT NULL, "kind" character varying(20) NOT NULL, "party" character varying(10) NOT NULL, "from_state" character varying(20), "to_state" character varying(20) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" character varying(120) NOT NULL, "actor_account_id" uuid, "actor_organisation_id" uuid, "reason" character varying(40), "remark" character varying(500), "alternative_organisation_id" uuid, "forwarded_handoff_id" uuid, "changed_fields" text array NOT NULL DEFAULT '{}', CONSTRAINT "uq_handoff_event_version" UNIQUE ("handoff_id", "version"), CONSTRAINT "PK_b2594dcfd5074ff0f2d9799b28e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "handoff_idempotency_key" ("actor" character varying(120) NOT NULL, "idempotency_key" character varying(200) NOT NULL, "request_hash" character(64) NOT NULL, "handoff_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e2cb25bd882fe84fc75bb7c9ffc" PRIMARY KEY ("actor", "idempotency_key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "handoff" ADD CONSTRAINT "FK_4e6a418a72171746ab45f5be7dd" FOREIGN KEY ("sender_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "handoff" ADD CONSTRAINT "FK_cd495605f0112493d79a25399d5" FOREIGN KEY ("receiver_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "handoff" ADD CONSTRAINT "FK_35b4aef12f0f43d721f09b08652" FOREIGN KEY ("forwarded_from_id") REFERENCES "handoff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "handoff_event" ADD CONSTRAINT "FK_9d325626c17caa4e8c888dc089b" FOREIGN KEY ("handoff_id") REFERENCES "handoff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "handoff_event" DROP CONSTRAINT "FK_9d325626c17caa4e8c888dc089b"`);
    await queryRunner.query(`ALTER TABLE "handoff" DROP CONSTRAINT "FK_35b4aef12f0f43d721f09b08652"`);
    await queryRunner.query(`ALTER TABLE "handoff" DROP CONSTRAINT "FK_cd495605f0112493d79a25399d5"`);
    await queryRunner.query(`ALTER TABLE "handoff" DROP CONSTRAINT "FK_4e6a418a72171746ab45f5be7dd"`);
    await queryRunner.query(`DROP TABLE "handoff_idempotency_key"`);
    await queryRunner.query(`DROP TABLE "handoff_event"`);
    await queryRunner.query(`DROP INDEX "public"."idx_handoff_receiver_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_handoff_sender_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_handoff_receiver_inbox"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_35b4aef12f0f43d721f09b0865"`);
    await queryRunner.query(`DROP INDEX "public"."uq_handoff_case_reference"`);
    await queryRunner.query(`DROP TABLE "handoff"`);
  }
}
