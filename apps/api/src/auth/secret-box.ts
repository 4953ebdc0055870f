import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@ketenkaart/shared-domain';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ProblemException } from '../common/problem.exception';
import { AppConfig } from '../config/app-config';

/** Used only outside production when TOTP_ENCRYPTION_KEY is unset, so development needs no setup. */
const DEVELOPMENT_KEY = 'ketenkaart-development-only-totp-key-not-for-production';

/** Encrypts TOTP secrets at rest (AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>` in base64url). */
@Injectable()
export class SecretBox {
  constructor(private readonly config: AppConfig) {}

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(), iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1') throw new Error('unknown sealed secret version');
    const decipher = createDecipheriv('aes-256-gcm', this.key(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  private key(): Buffer {
    const material =
      this.config.TOTP_ENCRYPTION_KEY ?? (this.config.NODE_ENV === 'production' ? null : DEVELOPMENT_KEY);
    if (!material) {
      // Fail closed: without a key of its own a production portal would protect TOTP secrets with a public one.
      throw new ProblemException(
        503,
        ErrorCode.serviceNotConfigured,
        'Two-factor sign-in is not configured (TOTP_ENCRYPTION_KEY).',
      );
    }
    return createHash('sha256').update(material, 'utf8').digest();
  }
}
