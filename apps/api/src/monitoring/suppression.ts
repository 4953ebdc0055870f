import { SMALL_COUNT_THRESHOLD, SUPPRESSED, type Figure } from '@ketenkaart/shared-domain';

export interface CountRow {
  key: string;
  label: string | null;
  count: number;
}

/** A count as the caller may see it: below 5 it becomes "<5" (including 0: "none" is a small count too). */
export function figure(count: number, suppress: boolean): Figure {
  return suppress && count < SMALL_COUNT_THRESHOLD ? SUPPRESSED : count;
}

/**
 * Suppresses a breakdown whose cells add up to a published total. Primary: every cell below 5. Secondary: when
 * exactly one cell is suppressed and the total is shown, the total minus the other cells would reveal it, so
 * the next-smallest cell is suppressed too.
 */
export function suppressBreakdown(
  rows: readonly CountRow[],
  suppress: boolean,
  totalShown: boolean,
): { key: string; label: string | null; count: Figure }[] {
  if (!suppress) return rows.map((row) => ({ ...row }));
  const hidden = new Set(rows.filter((row) => row.count < SMALL_COUNT_THRESHOLD).map((row) => row.key));
  if (hidden.size === 1 && totalShown) {
    const next = rows
      .filter((row) => !hidden.has(row.key))
      .sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
    if (next) hidden.add(next.key);
  }
  return rows.map((row) => ({ ...row, count: hidden.has(row.key) ? SUPPRESSED : row.count }));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
