import { figure, median, suppressBreakdown } from './suppression';

describe('small-count suppression', () => {
  it('shows counts below 5 as "<5" only when suppressing', () => {
    expect(figure(4, true)).toBe('<5');
    expect(figure(0, true)).toBe('<5');
    expect(figure(5, true)).toBe(5);
    expect(figure(2, false)).toBe(2);
  });

  it('suppresses a second cell when one hidden cell could be recovered from the total', () => {
    const rows = [
      { key: 'a', label: null, count: 10 },
      { key: 'b', label: null, count: 3 },
      { key: 'c', label: null, count: 7 },
    ];
    expect(suppressBreakdown(rows, true, true).map((row) => row.count)).toEqual([10, '<5', '<5']);
    expect(suppressBreakdown(rows, true, false).map((row) => row.count)).toEqual([10, '<5', 7]);
    expect(suppressBreakdown(rows, false, true).map((row) => row.count)).toEqual([10, 3, 7]);
  });

  it('takes the median of odd and even lists', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
