import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelayMs } from '@/lib/chargeback/backoff';
import { forecast, thresholdReached, usedRatio } from '@/lib/chargeback/budget';
import { usd } from '../support/cost-lines';

describe('forecast (run rate of complete days)', () => {
  it.each([
    {
      name: '21 complete days cost 210 in a 30-day month -> 300',
      month: '2026-11',
      today: '2026-11-22',
      complete: '210',
      actual: '222',
      corrections: '0',
      out: '300',
    },
    {
      name: 'a correction of -5 is added as is -> 295',
      month: '2026-11',
      today: '2026-11-22',
      complete: '210',
      actual: '217',
      corrections: '-5',
      out: '295',
    },
    {
      name: '1 day costing 10 in a 31-day month -> 310',
      month: '2026-12',
      today: '2026-12-02',
      complete: '10',
      actual: '14',
      corrections: '0',
      out: '310',
    },
    {
      name: 'a month that is over forecasts its actual',
      month: '2026-10',
      today: '2026-11-22',
      complete: '1',
      actual: '99',
      corrections: '0',
      out: '99',
    },
  ])('$name', ({ month, today, complete, actual, corrections, out }) => {
    expect(
      forecast({ month, today, completeDaysCost: usd(complete), actual: usd(actual), corrections: usd(corrections) }),
    ).toBe(usd(out));
  });

  it('has no forecast on the first day of a month', () => {
    expect(
      forecast({ month: '2026-11', today: '2026-11-01', completeDaysCost: 0n, actual: usd('3'), corrections: 0n }),
    ).toBeNull();
  });
});

describe('thresholds', () => {
  it.each([
    ['49.99', null],
    ['50', 50],
    ['74.999999', 50],
    ['75', 75],
    ['90', 90],
    ['99.99', 90],
    ['100', 100],
    ['250', 100],
  ])('%s of a 100 budget reaches %s', (value, reached) => {
    expect(thresholdReached(usd(value), usd('100'))).toBe(reached);
  });

  it('a budget must be positive', () => {
    expect(() => thresholdReached(1n, 0n)).toThrow(RangeError);
  });

  it('used is value / budget', () => {
    expect(usedRatio(usd('75'), usd('100'))).toBe(0.75);
  });
});

describe('webhook retry backoff', () => {
  it.each([
    [1, 30_000],
    [2, 120_000],
    [3, 480_000],
    [4, 1_920_000],
    [5, 7_680_000],
    [MAX_ATTEMPTS, null],
  ])('after %i failures the next try is %s ms later', (attempts, delay) => {
    expect(retryDelayMs(attempts)).toBe(delay);
  });
});
