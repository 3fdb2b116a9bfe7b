import { describe, expect, it } from 'vitest';
import { biggestMovers, monthlyRunRate, weekOverWeek, weekRange, weeksOf, weekStart } from '@/lib/dashboard/weekly';
import { metricsRow } from './row';

describe('weeks', () => {
  it.each([
    { day: '2026-11-16', monday: '2026-11-16', name: 'a Monday is its own week' },
    { day: '2026-11-22', monday: '2026-11-16', name: 'a Sunday belongs to the Monday before' },
    { day: '2026-01-01', monday: '2025-12-29', name: 'New Year (a Thursday) in a week that began in December' },
    { day: '2028-03-01', monday: '2028-02-28', name: 'across Feb 29 of a leap year' },
  ])('$name: $day -> $monday', ({ day, monday }) => {
    expect(weekStart(day)).toBe(monday);
  });
  it('a week runs Monday to Sunday', () => {
    expect(weekRange('2026-11-16')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });
  it('weeks with data, newest first, including partial ones at both ends', () => {
    expect(weeksOf({ from: '2026-11-04', to: '2026-11-17' })).toEqual(['2026-11-16', '2026-11-09', '2026-11-02']);
  });
});

describe('monthlyRunRate', () => {
  it.each([
    { week: '700.000000', month: '3043.750000', name: '700 a week x 30.4375 / 7 = 3,043.75 a month' },
    { week: '0.000001', month: '0.000004', name: 'rounded once, half up: 0.000001 x 4.348... = 0.000004' },
    { week: '0', month: '0.000000', name: 'nothing is nothing' },
  ])('$name', ({ week, month }) => {
    expect(monthlyRunRate(week)).toBe(month);
  });
});

describe('biggestMovers', () => {
  const week = (tco: string, l1: string, l2: string, idle = '0') =>
    metricsRow({ tco_usd: tco, l1_usd: l1, l2_usd: l2, idle_usd: idle });
  const thisWeek = new Map([
    ['support', week('150.000000', '20.000000', '130.000000', '90.000000')],
    ['coding', week('80.000000', '80.000000', '0')],
    ['research', week('10.000000', '10.000000', '0')],
    ['review', week('50.000000', '50.000000', '0')],
  ]);
  const lastWeek = new Map([
    ['support', week('100.000000', '20.000000', '80.000000', '40.000000')],
    ['coding', week('100.000000', '100.000000', '0')],
    ['research', week('10.000000', '10.000000', '0')],
    ['legacy', week('5.000000', '5.000000', '0')],
  ]);
  const movers = biggestMovers(thisWeek, lastWeek);

  it('the three largest moves either way: support +50, review +50 (new), coding -20; flat and small ones out', () => {
    expect(movers.map((m) => [m.key, m.deltaUsd])).toEqual([
      ['review', '50.000000'],
      ['support', '50.000000'],
      ['coding', '-20.000000'],
    ]);
  });
  it('each explained by layer, largest first, idle inside L2: support +50 all L2, idle +50', () => {
    const support = movers.find((m) => m.key === 'support')!;
    expect(support.layers[0]).toEqual({ label: 'L2 serving', deltaUsd: '50.000000' });
    expect(support.idleDeltaUsd).toBe('50.000000');
    expect(support.change).toBeCloseTo(0.5, 12);
  });
  it('a class new this week has no relative change', () => {
    expect(movers.find((m) => m.key === 'review')!.change).toBeNull();
  });
});

describe('weekOverWeek', () => {
  it.each([
    { now: 110, before: 100, out: 0.1 },
    { now: 5, before: 0, out: null },
    { now: null, before: 3, out: null },
  ])('$now vs $before -> $out', ({ now, before, out }) => {
    const got = weekOverWeek(now, before);
    if (out === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(out, 12);
  });
});
