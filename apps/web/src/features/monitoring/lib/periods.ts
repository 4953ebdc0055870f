import { KADER_PERIOD_PATTERN, kaderPeriodBounds, kaderPeriodOf } from '@ketenkaart/shared-domain';

/** The first half-year the portal reports on: the programme's interim report covers 2025-H1, with one before it. */
export const FIRST_PERIOD = '2024-H1';

function todayIso(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

export function currentPeriod(): string {
  return kaderPeriodOf(todayIso());
}

function nextPeriod(period: string): string {
  const [year, half] = period.split('-H');
  return half === '1' ? `${year}-H2` : `${Number(year) + 1}-H1`;
}

/** Every half-year from the first one up to the current one, newest first. */
export function selectablePeriods(): string[] {
  const last = currentPeriod();
  const periods = [FIRST_PERIOD];
  while (periods[periods.length - 1] !== last && periods.length < 40)
    periods.push(nextPeriod(periods[periods.length - 1]));
  return periods.reverse();
}

export function isPeriod(value: string | null): value is string {
  return value !== null && KADER_PERIOD_PATTERN.test(value);
}

/** The hand-off figures of a period: its first day up to its last day (or today, for the running one). */
export function periodRange(period: string): { from: string; to: string } {
  const { start, end } = kaderPeriodBounds(period);
  const today = todayIso();
  return { from: start, to: end < today ? end : today };
}
