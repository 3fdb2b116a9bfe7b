import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainDecimal, numberToDecimal } from '@/lib/decimal-number';

/** The first version of each, written with regular expressions: what the faster ones must match. */
function referenceNumberToDecimal(n: number, maxDecimals: number): string {
  const fixed = n.toFixed(Math.min(maxDecimals, 100));
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}
const referenceIsPlainDecimal = (s: string, maxWhole: number, maxDecimals: number) =>
  new RegExp(`^\\d{1,${maxWhole}}(\\.\\d{1,${maxDecimals}})?$`).test(s);

describe('numberToDecimal', () => {
  it.each([
    [0, 9, '0'],
    [-0, 9, '0'],
    [1e-7, 9, '0.0000001'],
    [1e-10, 9, '0'],
    [12.5, 9, '12.5'],
    [100, 0, '100'],
    [1e21, 9, '1e+21'],
    [-0.0000000001, 9, '-0'],
  ])('%d with at most %d decimals is "%s"', (n, decimals, text) => {
    expect(numberToDecimal(n, decimals)).toBe(text);
  });

  it('matches the regular-expression version for any finite number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 }), (n, d) => {
        expect(numberToDecimal(n, d)).toBe(referenceNumberToDecimal(n, d));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('isPlainDecimal', () => {
  it('matches the pattern built afresh, for any string', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '-', 'e', ' ', 'x') });
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (s, whole, decimals) => {
        expect(isPlainDecimal(s, whole, decimals)).toBe(referenceIsPlainDecimal(s, whole, decimals));
      }),
      { numRuns: 5_000 },
    );
  });
});
