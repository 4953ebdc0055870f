import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on (OpenID Connect): pending sign-ins waiting for the identity provider (`oidc_login`, used once,
 * valid 10 minutes) and how each session began (`session.auth_method`: password or sso).
 */
export class OidcSignOn1795882100000 implements MigrationInterface {
  name = 'OidcSignOn1795882100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "oidc_login" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "state_hash" character(64) NOT NULL, "browser_hash" character(64) NOT NULL, "nonce" character varying(64) NOT NULL, "code_verifier" character varying(128) NOT NULL, "return_path" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_907691a74fa6f1ae8f01161ab4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_oidc_login_state_hash" ON "oidc_login"  ("state_hash") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b35c44a871203cb370253346fe" ON "oidc_login"  ("expires_at") `);
    await queryRunner.query(
      `ALTER TABLE "session" ADD "auth_method" character varying(20) NOT NULL DEFAULT 'password'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "auth_method"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b35c44a871203cb370253346fe"`);
    await queryRunner.query(`DROP INDEX "public"."uq_oidc_login_state_hash"`);
    await queryRunner.query(`DROP TABLE "oidc_login"`);
  }
}
