import { kaderPeriodsBetween } from './monitoring';

describe('kaderPeriodsBetween', () => {
  it('lists the half-years from … to, across years', () => {
    expect(kaderPeriodsBetween('2024-H2', '2026-H1')).toEqual(['2024-H2', '2025-H1', '2025-H2', '2026-H1']);
    expect(kaderPeriodsBetween('2025-H1', '2025-H1')).toEqual(['2025-H1']);
  });

  it('is empty when from lies after to, and refuses what is not a period', () => {
    expect(kaderPeriodsBetween('2026-H1', '2025-H2')).toEqual([]);
    expect(() => kaderPeriodsBetween('2025-Q1', '2025-H2')).toThrow('not a period');
  });
});
