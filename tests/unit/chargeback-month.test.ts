import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysInMonth,
  firstOpenAfter,
  hasEnded,
  isMonth,
  monthProblem,
  monthRange,
  monthsBetween,
} from '@/lib/chargeback/month';
import { completeDays } from '@/lib/chargeback/budget';

describe('months', () => {
  it.each([
    ['2026-10', true],
    ['2026-1', false],
    ['2026-13', false],
    ['2026-00', false],
    ['1999-12', false],
    ['2026-10-01', false],
    ['', false],
  ])('%j is a month: %s', (value, ok) => expect(isMonth(value)).toBe(ok));

  it.each([
    ['2024-02', 29, '2024-02-29'],
    ['2026-02', 28, '2026-02-28'],
    ['2026-04', 30, '2026-04-30'],
    ['2026-12', 31, '2026-12-31'],
  ])('%s has %i days, ending %s', (month, days, last) => {
    expect(daysInMonth(month)).toBe(days);
    expect(monthRange(month)).toEqual({ from: `${month}-01`, to: last });
  });

  it('steps across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it.each([
    ['2026-13', 'must be a month YYYY-MM, e.g. 2026-10'],
    ['2026-12', 'must not be in the future: the current month is 2026-11'],
    ['2026-11', null],
    ['2026-10', null],
  ])('month problem of %s on 2026-11-22: %s', (month, problem) => {
    expect(monthProblem(month, '2026-11-22')).toBe(problem);
  });

  it('a month has ended once its last day is over', () => {
    expect(hasEnded('2026-10', '2026-10-31')).toBe(false);
    expect(hasEnded('2026-10', '2026-11-01')).toBe(true);
  });

  it('a correction goes to the first month after that is not closed', () => {
    expect(firstOpenAfter('2026-08', new Set(['2026-08']))).toBe('2026-09');
    expect(firstOpenAfter('2026-08', new Set(['2026-08', '2026-09', '2026-10']))).toBe('2026-11');
  });

  it.each([
    ['2026-11', '2026-11-01', 0],
    ['2026-11', '2026-11-22', 21],
    ['2026-10', '2026-11-22', 31],
    ['2026-11', '2026-10-31', 0],
  ])('complete days of %s on %s: %i', (month, today, n) => expect(completeDays(month, today)).toBe(n));
});
