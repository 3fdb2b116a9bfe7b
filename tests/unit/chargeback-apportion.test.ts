import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, roundTo } from '@/lib/chargeback/apportion';

const C = 10n; // a "cent" of 10 units, to keep the tables readable

describe('apportion', () => {
  it.each([
    { name: '3.3 + 3.3 + 3.4 = 10 -> 3, 3, 4', parts: [33n, 33n, 34n], target: 100n, out: [30n, 30n, 40n] },
    {
      name: 'thirds of 10 cents: the first remainder wins the tie',
      parts: [33n, 33n, 34n],
      target: 100n,
      out: [30n, 30n, 40n],
    },
    { name: '1.5 + 1.5 = 3 -> 2, 1 (tie to the first)', parts: [15n, 15n], target: 30n, out: [20n, 10n] },
    {
      name: 'rounded down total takes from the smallest remainder',
      parts: [14n, 14n, 17n],
      target: 40n,
      out: [10n, 10n, 20n],
    },
    {
      name: 'negative parts (a correction) floor toward minus infinity',
      parts: [-15n, 5n],
      target: -10n,
      out: [-10n, 0n],
    },
    { name: 'a target far from the floors is spread round robin', parts: [1n, 1n], target: 40n, out: [20n, 20n] },
    { name: 'nothing to share', parts: [], target: 0n, out: [] },
  ])('$name', ({ parts, target, out }) => {
    expect(apportion(parts, C, target)).toEqual(out);
  });

  it('refuses a target that is not whole units, or a total over no parts', () => {
    expect(() => apportion([5n], C, 15n)).toThrow(RangeError);
    expect(() => apportion([], C, 10n)).toThrow(RangeError);
  });

  it('adds up to the rounded total and keeps every part within one unit of its exact value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), { minLength: 1, maxLength: 40 }),
        (parts) => {
          const unit = 10n ** 10n;
          const exact = parts.reduce((a, b) => a + b, 0n);
          const out = apportion(parts, unit, roundTo(exact, unit));
          expect(out.reduce((a, b) => a + b, 0n)).toBe(roundTo(exact, unit));
          out.forEach((o, i) => {
            expect(o % unit).toBe(0n);
            const diff = o - parts[i]!;
            expect(diff < unit && diff > -unit).toBe(true);
          });
        },
      ),
    );
  });
});

describe('roundTo', () => {
  it.each([
    [15n, 20n],
    [14n, 10n],
    [-15n, -20n],
    [-14n, -10n],
    [0n, 0n],
  ])('%s -> %s (half away from zero)', (value, out) => {
    expect(roundTo(value, C)).toBe(out);
  });
});
