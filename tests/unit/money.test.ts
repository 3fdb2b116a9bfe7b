import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, divRound, exactDecimal, formatUnits, parseDecimal, picoToUsd, usdToPico } from '@/lib/money';

describe('decimal parsing and formatting', () => {
  it.each([
    ['96.14', 96_140_000_000_000n],
    ['0.000001', 1_000_000n],
    ['0.0000000000005', 1n], // 13th decimal 5 rounds half-up
    ['0.0000000000004', 0n],
    ['-1.5', -1_500_000_000_000n],
    ['12', 12_000_000_000_000n],
  ])('%s USD = %s pico-dollars', (text, pico) => {
    expect(usdToPico(text)).toBe(pico);
  });

  it.each(['', 'abc', '1e5', '1.2.3', 'NaN', ' . '])('rejects %j', (text) => {
    expect(() => parseDecimal(text)).toThrow(RangeError);
  });

  it('96.14 USD prints as "96.140000" with the API\'s 6 decimals', () => {
    expect(picoToUsd(96_140_000_000_000n)).toBe('96.140000');
  });
  it('3.333333333333 rounds to "3.333333"; 0.0000005 rounds half-up to "0.000001"', () => {
    expect(picoToUsd(3_333_333_333_333n)).toBe('3.333333');
    expect(picoToUsd(500_000n)).toBe('0.000001');
  });
  it('formats with more decimals than the units carry by padding zeros', () => {
    expect(formatUnits(15n, 1, 3)).toBe('1.500');
  });
  it('round-trips any pico amount through its 12-decimal text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (p) => usdToPico(picoToUsd(p, 12)) === p),
    );
  });
  it('round-trips units of any scale, and parses at a coarser scale rounding half-up', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat(12), (units, digits) => {
        const text = formatUnits(units, digits, digits);
        expect(parseDecimal(text, digits)).toBe(units);
        // one decimal fewer: the dropped digit rounds the magnitude half-up
        if (digits > 0) expect(parseDecimal(text, digits - 1)).toBe(divRound(units, 10n));
      }),
    );
  });
});

describe('exactDecimal: the shortest text of an amount', () => {
  it.each([
    [0n, 12, '0'],
    [85_000_000n, 12, '0.000085'],
    [1n, 12, '0.000000000001'],
    [12_000_000_000_000n, 12, '12'],
    [-500_000_000_000n, 12, '-0.5'],
    [1_234_500n, 3, '1234.5'],
    [7n, 0, '7'],
  ])('%s units at %s digits is "%s"', (units, digits, text) => {
    expect(exactDecimal(units, digits)).toBe(text);
  });
  it('reads back as the same units, and as the same number as the full-scale text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat(12), (units, digits) => {
        const text = exactDecimal(units, digits);
        expect(parseDecimal(text, digits)).toBe(units);
        expect(text).not.toMatch(/\.\d*0$|\.$/);
        expect(Number(text)).toBe(Number(formatUnits(units, digits, digits)));
      }),
    );
  });
});

describe('divRound', () => {
  it.each([
    [7n, 2n, 4n],
    [-7n, 2n, -4n],
    [5n, 3n, 2n],
    [1n, 3n, 0n],
  ])('%s / %s rounds half away from zero to %s', (n, d, q) => {
    expect(divRound(n, d)).toBe(q);
  });
});

describe('allocate', () => {
  it('100 over 1:1:1 = 34 + 33 + 33 (the remainder goes to the first largest)', () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
  });
  it('72.00 of idle over GPU-hours 6 and 0 = all to the user', () => {
    expect(allocate(72n, [6n, 0n])).toEqual([72n, 0n]);
  });
  it('zero weights place nothing (the caller decides where it goes)', () => {
    expect(allocate(10n, [0n, 0n])).toEqual([0n, 0n]);
  });
  it('parts always add up to the total exactly', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 20 })
          .filter((w) => w.some((x) => x > 0n)),
        (total, weights) => allocate(total, weights).reduce((a, b) => a + b, 0n) === total,
      ),
    );
  });
});
