import { MigrationInterface, QueryRunner } from 'typeorm';

export class HandoffJobs1795881038477 implements MigrationInterface {
  name = 'HandoffJobs1795881038477';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(60) NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "dedupe_key" character varying(200), "run_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "max_attempts" integer NOT NULL DEFAULT '5', "last_error" character varying(1000), "locked_by" character varying(100), "locked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_98ab1c14ff8d1cf80d18703b92f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_job_dedupe_key" ON "job"  ("dedupe_key") WHERE "dedupe_key" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_job_due" ON "job"  ("run_at") WHERE "done_at" IS NULL AND "failed_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "handoff_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_202529b4549e3cab08b13347ee" ON "notification"  ("handoff_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notification_recipient" ON "notification"  ("account_id", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "handoff" ADD "escalated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "handoff" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    // Append-only timeline (issue 6), written by hand: TypeORM cannot express triggers. The one change allowed is
    // retention clearing a free-text `remark` (every other column equal, remark becoming NULL); reasons are codes.
    await queryRunner.query(`CREATE FUNCTION "kk_handoff_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.remark IS NULL AND (to_jsonb(NEW) - 'remark') = (to_jsonb(OLD) - 'remark') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'handoff_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$`);
    await queryRunner.query(
      `CREATE TRIGGER "trg_handoff_event_append_only" BEFORE UPDATE OR DELETE ON "handoff_event" FOR EACH ROW EXECUTE FUNCTION "kk_handoff_event_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trg_handoff_event_no_truncate" BEFORE TRUNCATE ON "handoff_event" FOR EACH STATEMENT EXECUTE FUNCTION "kk_handoff_event_append_only"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_handoff_event_no_truncate" ON "handoff_event"`);
    await queryRunner.query(`DROP TRIGGER "trg_handoff_event_append_only" ON "handoff_event"`);
    await queryRunner.query(`DROP FUNCTION "kk_handoff_event_append_only"()`);
    await queryRunner.query(`ALTER TABLE "handoff" DROP COLUMN "anonymised_at"`);
    await queryRunner.query(`ALTER TABLE "handoff" DROP COLUMN "escalated_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_recipient"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_202529b4549e3cab08b13347ee"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP INDEX "public"."idx_job_due"`);
    await queryRunner.query(`DROP INDEX "public"."uq_job_dedupe_key"`);
    await queryRunner.query(`DROP TABLE "job"`);
  }
}
