import { describe, expect, it } from 'vitest';
import { addDays, daysInclusive, eachDay, isIsoDay } from '@/lib/dates/days';
import { defaultRange, rangePresets, rangeProblem, resolveRange } from '@/lib/dates/range';
import { formatDayRange } from '@/lib/format/dates';

describe('day arithmetic', () => {
  const adds = [
    { name: '2026-03-30 + 2 = 2026-04-01 (month end)', day: '2026-03-30', n: 2, expected: '2026-04-01' },
    { name: '2028-03-01 - 1 = 2028-02-29 (leap year)', day: '2028-03-01', n: -1, expected: '2028-02-29' },
    { name: '2026-12-31 + 1 = 2027-01-01 (year end)', day: '2026-12-31', n: 1, expected: '2027-01-01' },
    {
      name: '2026-03-29 + 1 = 2026-03-30 (DST change in Europe is not a 23-hour day)',
      day: '2026-03-29',
      n: 1,
      expected: '2026-03-30',
    },
  ];
  it.each(adds)('$name', ({ day, n, expected }) => expect(addDays(day, n)).toBe(expected));

  const spans = [
    { name: 'Jan 1..Jan 1 = 1 day', from: '2026-01-01', to: '2026-01-01', expected: 1 },
    { name: 'Jan 1..Jan 31 = 31 days', from: '2026-01-01', to: '2026-01-31', expected: 31 },
    { name: 'Feb 1..Mar 1 2028 = 29 + 1 = 30 days', from: '2028-02-01', to: '2028-03-01', expected: 30 },
    { name: 'to before from = 0 days', from: '2026-01-02', to: '2026-01-01', expected: 0 },
  ];
  it.each(spans)('$name', ({ from, to, expected }) => {
    expect(daysInclusive(from, to)).toBe(expected);
    expect(eachDay(from, to)).toHaveLength(expected);
  });

  const dates = [
    { value: '2026-02-28', ok: true },
    { value: '2026-02-29', ok: false },
    { value: '2028-02-29', ok: true },
    { value: '2026-13-01', ok: false },
    { value: '2026-1-01', ok: false },
    { value: '2026-01-01T00:00:00Z', ok: false },
    { value: '', ok: false },
  ];
  it.each(dates)('isIsoDay($value) = $ok', ({ value, ok }) => expect(isIsoDay(value)).toBe(ok));
});

describe('ranges', () => {
  const data = { from: '2026-01-01', to: '2026-06-30' };

  it('default = the 30 days ending on the last day with data: Jun 30 - 29 = Jun 1', () => {
    expect(defaultRange(data)).toEqual({ from: '2026-06-01', to: '2026-06-30' });
  });

  it('default over 10 days of data = those 10 days (never before the first day)', () => {
    expect(defaultRange({ from: '2026-06-21', to: '2026-06-30' })).toEqual({ from: '2026-06-21', to: '2026-06-30' });
  });

  const resolves = [
    {
      name: 'a valid URL range wins',
      asked: { from: '2026-02-01', to: '2026-02-07' },
      expected: { from: '2026-02-01', to: '2026-02-07' },
    },
    { name: 'half a range falls back', asked: { from: '2026-02-01', to: null }, expected: defaultRange(data) },
    { name: 'from after to falls back', asked: { from: '2026-02-08', to: '2026-02-07' }, expected: defaultRange(data) },
    {
      name: 'a 732-day range falls back (limit 731)',
      asked: { from: '2024-01-01', to: '2026-01-01' },
      expected: defaultRange(data),
    },
    {
      name: 'an impossible date falls back',
      asked: { from: '2026-02-30', to: '2026-03-07' },
      expected: defaultRange(data),
    },
  ];
  it.each(resolves)('$name', ({ asked, expected }) =>
    expect(resolveRange(asked, defaultRange(data))).toEqual(expected),
  );

  it('presets over 181 days of data = last 7, 30, 90 days and all', () => {
    expect(rangePresets(data)).toEqual([
      { label: 'Last 7 days', range: { from: '2026-06-24', to: '2026-06-30' } },
      { label: 'Last 30 days', range: { from: '2026-06-01', to: '2026-06-30' } },
      { label: 'Last 90 days', range: { from: '2026-04-02', to: '2026-06-30' } },
      { label: 'All data', range: data },
    ]);
  });

  it('presets over 30 days of data = last 7 days and all (30 would repeat all)', () => {
    expect(rangePresets({ from: '2026-06-01', to: '2026-06-30' }).map((p) => p.label)).toEqual([
      'Last 7 days',
      'All data',
    ]);
  });
});

describe('formatDayRange', () => {
  const cases = [
    { name: 'same year: year once', range: { from: '2026-11-01', to: '2026-11-30' }, expected: 'Nov 1 – Nov 30, 2026' },
    {
      name: 'across New Year: both years',
      range: { from: '2025-12-01', to: '2026-01-30' },
      expected: 'Dec 1, 2025 – Jan 30, 2026',
    },
    { name: 'one day', range: { from: '2026-11-01', to: '2026-11-01' }, expected: 'Nov 1, 2026' },
  ];
  it.each(cases)('$name', ({ range, expected }) => expect(formatDayRange(range)).toBe(expected));
});

describe('rangeProblem', () => {
  const cases = [
    { name: 'Jan 1..Jan 31 is fine', range: { from: '2026-01-01', to: '2026-01-31' }, expected: null },
    { name: 'an empty end date', range: { from: '2026-01-01', to: '' }, expected: 'Enter a start and an end date.' },
    {
      name: 'Jan 31..Jan 1 is backwards',
      range: { from: '2026-01-31', to: '2026-01-01' },
      expected: 'The start date is after the end date.',
    },
    {
      name: '2024-01-01..2026-01-01 = 732 days, one too many',
      range: { from: '2024-01-01', to: '2026-01-01' },
      expected: 'Choose at most 731 days.',
    },
  ];
  it.each(cases)('$name', ({ range, expected }) => expect(rangeProblem(range)).toBe(expected));
});
