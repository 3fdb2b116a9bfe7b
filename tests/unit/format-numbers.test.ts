import { describe, expect, it } from 'vitest';
import { formatCountCompact, formatUsd, formatUsdCompact, formatUsdUnit } from '@/lib/format/numbers';

describe('money formatting', () => {
  const cases = [
    { name: '1234.567000 -> $1,234.57 (half-up to cents)', fn: formatUsd, input: '1234.567000', expected: '$1,234.57' },
    {
      name: '90071992547409.935 keeps its cents (a float would not: 2^53 is 9.007e15 cents)',
      fn: formatUsd,
      input: '90071992547409.935000',
      expected: '$90,071,992,547,409.94',
    },
    {
      name: '0.002345678 per request -> $0.00235 (3 significant digits)',
      fn: formatUsdUnit,
      input: '0.002345678',
      expected: '$0.00235',
    },
    {
      name: '1.5 per request -> $1.50 (cents from one dollar up)',
      fn: formatUsdUnit,
      input: '1.500000000000',
      expected: '$1.50',
    },
    { name: 'zero per request -> $0.00', fn: formatUsdUnit, input: '0.000000000000', expected: '$0.00' },
  ];
  it.each(cases)('$name', ({ fn, input, expected }) => expect(fn(input)).toBe(expected));
});

describe('axis formatting', () => {
  const cases = [
    { name: '1950 requests -> 1.95K, not a rounded 2K', fn: formatCountCompact, input: 1950, expected: '1.95K' },
    { name: '650 requests -> 650', fn: formatCountCompact, input: 650, expected: '650' },
    { name: '$380 -> $380', fn: formatUsdCompact, input: 380, expected: '$380' },
    { name: '$1,234 -> $1.23K', fn: formatUsdCompact, input: 1234, expected: '$1.23K' },
  ];
  it.each(cases)('$name', ({ fn, input, expected }) => expect(fn(input)).toBe(expected));
});
