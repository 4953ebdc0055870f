import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { AccountEntity } from './account.entity';
import { RecoveryCodeEntity } from './recovery-code.entity';
import { SecretBox } from './secret-box';
import { normaliseRecoveryCode, randomRecoveryCode, sha256Hex } from './secure-random';
import { verifyTotp } from './totp';

export const RECOVERY_CODE_COUNT = 10;

/** Checks TOTP and recovery codes; each accepted code is spent atomically, so two requests cannot both use it. */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secretBox: SecretBox,
    @InjectRepository(RecoveryCodeEntity) private readonly recoveryCodes: Repository<RecoveryCodeEntity>,
  ) {}

  /** 'totp' or 'recovery-code' when the code was valid and is now spent; null otherwise. */
  async verifyAndSpend(
    account: AccountEntity,
    code: string,
    now: Date,
  ): Promise<'totp' | 'recovery-code' | null> {
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) {
      if (!account.totpSecret) return null;
      const step = verifyTotp(this.secretBox.open(account.totpSecret), trimmed, now, account.totpLastStep);
      if (step === null) return null;
      // Compare-and-set: a concurrent request with the same code finds the step taken and fails.
      const [, affected] = await this.dataSource.query(
        `UPDATE account SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
        [account.id, step],
      );
      return affected === 1 ? 'totp' : null;
    }
    const spent = await this.dataSource.query(
      `UPDATE recovery_code SET used_at = $3 WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [account.id, sha256Hex(normaliseRecoveryCode(trimmed)), now],
    );
    return (Array.isArray(spent[0]) ? spent[0] : spent).length === 1 ? 'recovery-code' : null;
  }

  async unusedRecoveryCodes(accountId: string): Promise<number> {
    return this.recoveryCodes.count({ where: { accountId, usedAt: IsNull() } });
  }

  /** Replaces all recovery codes of the account with ten new ones; returns them (the only time they are visible). */
  async replaceRecoveryCodes(manager: EntityManager, accountId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, randomRecoveryCode);
    await manager.delete(RecoveryCodeEntity, { accountId });
    await manager.insert(
      RecoveryCodeEntity,
      codes.map((code) => ({ accountId, codeHash: sha256Hex(normaliseRecoveryCode(code)), usedAt: null })),
    );
    return codes;
  }
}
