import { CASE_REFERENCE_ALPHABET } from '@ketenkaart/shared-domain';
import { randomInt } from 'node:crypto';

/**
 * A new pseudonymous case reference, KK-<year>-XXXX-XXXX: 8 characters from a 30-letter alphabet without
 * look-alikes (≈ 6.6·10¹¹ per year), drawn from the CSPRNG. Derived from nothing, so it reveals nothing and
 * cannot be guessed from a person's data; uniqueness is enforced by the database.
 */
export function newCaseReference(year: number): string {
  const block = () =>
    Array.from({ length: 4 }, () => CASE_REFERENCE_ALPHABET[randomInt(CASE_REFERENCE_ALPHABET.length)]).join(
      '',
    );
  return `KK-${year}-${block()}-${block()}`;
}
