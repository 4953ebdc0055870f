import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795872822548 implements MigrationInterface {
  name = 'Identity1795872822548';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "display_name" character varying(160) NOT NULL, "roles" text array NOT NULL DEFAULT '{}', "region_ids" uuid array NOT NULL DEFAULT '{}', "organisation_id" uuid, "person_id" uuid, "status" character varying(20) NOT NULL, "password_hash" character varying(255), "password_changed_at" TIMESTAMP WITH TIME ZONE, "totp_secret" character varying(200), "totp_pending_secret" character varying(200), "totp_enabled_at" TIMESTAMP WITH TIME ZONE, "totp_last_step" integer, "last_sign_in_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_email" ON "account"  ("email") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_14bca995e1448a5fa193361ff9" ON "account"  ("organisation_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_73b5a14ecc8f5529ea98a746d5" ON "account"  ("person_id") `);
    await queryRunner.query(
      `CREATE TABLE "account_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "account_id" uuid NOT NULL, "purpose" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" character varying(120) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a55842d3341d42534e39f85e931" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_account_token_hash" ON "account_token"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f7da95d0844aa751d562d730fe" ON "account_token"  ("account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_recovery_code_account_hash" UNIQUE ("account_id", "code_hash"), CONSTRAINT "PK_b7f1e23329e93a80e25fd281922" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "account_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ip" character varying(64), "user_agent" character varying(300), "two_factor_passed" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_session_token_hash" ON "session"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_fae5a6b4a57f098e9af8520d49" ON "session"  ("account_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2223e981900a413ce4ce6386f9" ON "session"  ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "sign_in_throttle" ("key" character varying(300) NOT NULL, "failures" integer NOT NULL, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f838c82d37e24773fc7984a7649" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" character varying(120) NOT NULL, "actor_account_id" uuid, "action" character varying(60) NOT NULL, "record_type" character varying(40), "record_id" character varying(100), "ip" character varying(64), "outcome" character varying(10) NOT NULL, "correlation_id" character varying(64), "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_806add0204f192a9f867d0515c" ON "audit_event"  ("occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_49856b3ca5e1521bdb18f0e7b0" ON "audit_event"  ("actor_account_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_45452915f68f5a171bc4107b9e" ON "audit_event"  ("action") `);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_event_record" ON "audit_event"  ("record_type", "record_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "account_token" ADD CONSTRAINT "FK_f7da95d0844aa751d562d730fed" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_code" ADD CONSTRAINT "FK_9db6a6c505946232618e26c79e8" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_fae5a6b4a57f098e9af8520d499" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Append-only audit trail (issue 4 §5): written by hand, TypeORM cannot express triggers. Statement-level, so
    // even an UPDATE or DELETE that matches no row fails, and TRUNCATE as well.
    await queryRunner.query(`CREATE FUNCTION "kk_audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$`);
    await queryRunner.query(
      `CREATE TRIGGER "trg_audit_event_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION "kk_audit_event_append_only"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_audit_event_append_only" ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION "kk_audit_event_append_only"()`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_fae5a6b4a57f098e9af8520d499"`);
    await queryRunner.query(`ALTER TABLE "recovery_code" DROP CONSTRAINT "FK_9db6a6c505946232618e26c79e8"`);
    await queryRunner.query(`ALTER TABLE "account_token" DROP CONSTRAINT "FK_f7da95d0844aa751d562d730fed"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_event_record"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_45452915f68f5a171bc4107b9e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_49856b3ca5e1521bdb18f0e7b0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_806add0204f192a9f867d0515c"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP TABLE "sign_in_throttle"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2223e981900a413ce4ce6386f9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fae5a6b4a57f098e9af8520d49"`);
    await queryRunner.query(`DROP INDEX "public"."uq_session_token_hash"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP TABLE "recovery_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f7da95d0844aa751d562d730fe"`);
    await queryRunner.query(`DROP INDEX "public"."uq_account_token_hash"`);
    await queryRunner.query(`DROP TABLE "account_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_73b5a14ecc8f5529ea98a746d5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_14bca995e1448a5fa193361ff9"`);
    await queryRunner.query(`DROP INDEX "public"."uq_account_email"`);
    await queryRunner.query(`DROP TABLE "account"`);
  }
}
