import { describe, expect, it } from 'vitest';
import { decimalAmount, effectiveFrom, numberToPlainDecimal } from '@/lib/api/config-fields';
import { sharesSumProblem } from '@/lib/api/fixed-shares';

describe('numberToPlainDecimal', () => {
  it.each([
    [2.5, '2.5'],
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [1e21, '1000000000000000000000'],
    [-2e-7, '-0.0000002'],
    [0.1, '0.1'],
  ])('%s -> %s', (n, s) => expect(numberToPlainDecimal(n)).toBe(s));
});

describe('decimalAmount', () => {
  const rate = decimalAmount();
  it.each([
    ['"2.50" stays as written', '2.50', '2.50'],
    ['the number 2.5 becomes "2.5"', 2.5, '2.5'],
    ['six decimals are allowed', '0.000001', '0.000001'],
    ['-0 is zero', '-0', '0'],
    ['twelve whole digits fit numeric(18, 6)', '999999999999.999999', '999999999999.999999'],
  ])('accepts %s', (_name, input, output) => expect(rate.parse(input)).toBe(output));

  it.each([
    ['a negative string', '-1', 'must be >= 0'],
    ['a negative number', -0.01, 'must be >= 0'],
    ['seven decimals', '0.0000001', 'must have at most 6 decimals'],
    ['1e-7 as a number', 1e-7, 'must have at most 6 decimals'],
    ['thirteen whole digits', '1000000000000', 'must be less than 10^12'],
    ['exponent notation in a string', '1e3', 'must be a decimal number'],
    ['a trailing point', '2.', 'must be a decimal number'],
    ['Infinity', Infinity, 'must be a decimal number'],
    ['a boolean', true, 'must be a decimal number'],
    ['nothing', undefined, 'is required'],
  ])('rejects %s', (_name, input, messageStart) => {
    const result = rate.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(new RegExp(`^${messageStart.replace(/[.^$()]/g, '\\$&')}`));
  });

  it('enforces positive and max bounds exactly: input weight is > 0 and <= 10', () => {
    const weight = decimalAmount({ positive: true, max: '10' });
    expect(weight.parse('10.000000')).toBe('10.000000');
    expect(weight.safeParse('10.000001').error?.issues[0]?.message).toBe('must be <= 10');
    expect(weight.safeParse(0).error?.issues[0]?.message).toBe('must be > 0');
  });
});

describe('effectiveFrom', () => {
  it.each([
    ['a day is midnight UTC', '2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['an offset is honoured', '2026-03-01T01:00:00+02:00', '2026-02-28T23:00:00.000Z'],
    ['fractions of a second', '2026-03-01T00:00:00.5Z', '2026-03-01T00:00:00.500Z'],
    ['a future start is allowed', '2030-01-01', '2030-01-01T00:00:00.000Z'],
  ])('%s', (_name, input, iso) => expect(effectiveFrom.parse(input).toISOString()).toBe(iso));

  it.each([
    ['Feb 30', '2026-02-30'],
    ['no offset', '2026-03-01T00:00:00'],
    ['Feb 30 with a time', '2026-02-30T00:00:00Z'],
    ['a slash date', '03/01/2026'],
  ])('rejects %s', (_name, input) => {
    expect(effectiveFrom.safeParse(input).error?.issues[0]?.message).toMatch(/^must be a date YYYY-MM-DD/);
  });

  it('rejects dates before 2000', () => {
    expect(effectiveFrom.safeParse('1999-12-31').error?.issues[0]?.message).toBe(
      'must be on or after 2000-01-01 and before 2100-01-01',
    );
  });
});

describe('sharesSumProblem', () => {
  it.each([
    ['50 + 50 = 100', { a: 50, b: 50 }, null],
    ['33.333333 + 33.333333 + 33.333334 = 100', { a: 33.333333, b: 33.333333, c: 33.333334 }, null],
    ['0.1 + 0.2 + 99.7 = 100 (floats say 100.00000000000001)', { a: 0.1, b: 0.2, c: 99.7 }, null],
    ['50 + 40 = 90', { a: 50, b: 40 }, 'percentages must sum to exactly 100; these sum to 90'],
    ['33.33 x 3 = 99.99', { a: 33.33, b: 33.33, c: 33.33 }, 'percentages must sum to exactly 100; these sum to 99.99'],
    ['no teams', {}, 'must give at least one team a percentage'],
  ])('%s', (_name, shares, problem) => expect(sharesSumProblem(shares)).toBe(problem));
});
