import { describe, expect, it } from 'vitest';
import { deltaFrom, median, trailingMedian, verdict } from '@/lib/dashboard/deltas';

describe('median', () => {
  it.each([
    { name: 'no values -> null', values: [], expected: null },
    { name: 'one value is itself', values: [4], expected: 4 },
    { name: '3, 1, 2 -> 2 (sorted first)', values: [3, 1, 2], expected: 2 },
    { name: 'even count: 1, 2, 3, 10 -> (2 + 3) / 2 = 2.5', values: [10, 1, 3, 2], expected: 2.5 },
  ])('$name', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });
});

describe('trailingMedian', () => {
  const series: Record<string, number | null> = {
    '2026-03-01': 10,
    '2026-03-02': 20,
    '2026-03-03': null, // a ratio over nothing: skipped, not 0
    '2026-03-04': 30,
    '2026-03-05': 40,
    '2026-03-06': 50,
    '2026-03-07': 60,
    '2026-03-08': 1000, // the day itself is never part of its baseline
  };
  const valueOf = (day: string) => series[day] ?? null;

  it('7 days before Mar 8 = 10, 20, 30, 40, 50, 60 (Mar 3 has none) -> 35', () => {
    expect(trailingMedian(valueOf, '2026-03-08')).toBe(35);
  });
  it('3 days before Mar 4 = 10, 20 (Mar 3 none): under 3 values -> no baseline', () => {
    expect(trailingMedian(valueOf, '2026-03-04', 3)).toBeNull();
  });
  it('crosses a month end: 7 days before Apr 1 reach back to Mar 25..31', () => {
    const days: string[] = [];
    trailingMedian((d) => (days.push(d), 1), '2026-04-01');
    expect(days).toEqual([
      '2026-03-31',
      '2026-03-30',
      '2026-03-29',
      '2026-03-28',
      '2026-03-27',
      '2026-03-26',
      '2026-03-25',
    ]);
  });
});

describe('deltaFrom and verdict', () => {
  it.each([
    { name: 'cost 110 vs 100: +10%, worse', v: 110, b: 100, p: 'lower_is_better', rel: 0.1, out: 'worse' },
    { name: 'cost 90 vs 100: -10%, better', v: 90, b: 100, p: 'lower_is_better', rel: -0.1, out: 'better' },
    { name: 'acceptance 0.8 vs 0.7: up, better', v: 0.8, b: 0.7, p: 'higher_is_better', rel: 0.1 / 0.7, out: 'better' },
    { name: '100.5 vs 100: under 1% is flat', v: 100.5, b: 100, p: 'lower_is_better', rel: 0.005, out: 'flat' },
    { name: 'requests up 50%: neutral is flat', v: 150, b: 100, p: 'neutral', rel: 0.5, out: 'flat' },
  ] as const)('$name', ({ v, b, p, rel, out }) => {
    const d = deltaFrom(v, b)!;
    expect(d.relative).toBeCloseTo(rel, 12);
    expect(verdict(d, p)).toBe(out);
  });

  it('a baseline of 0 has an absolute change but no relative one; its sign decides', () => {
    const d = deltaFrom(3, 0)!;
    expect(d).toEqual({ absolute: 3, relative: null });
    expect(verdict(d, 'lower_is_better')).toBe('worse');
  });

  it('no value or no baseline: no delta, flat', () => {
    expect(deltaFrom(null, 1)).toBeNull();
    expect(deltaFrom(1, null)).toBeNull();
    expect(verdict(null, 'lower_is_better')).toBe('flat');
  });
});
