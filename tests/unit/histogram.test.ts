import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addToHistogram,
  bucketOf,
  mergeHistograms,
  PACKED_BUCKET_DIGITS,
  percentile,
  RELATIVE_ERROR,
  unpackHistogram,
} from '@/lib/histogram';

/** What settled_sums stores (db/writes/settled-sums.ts builds it in SQL): sum of count_i x 10^(12 i). */
const pack = (hist: readonly number[]) =>
  hist.reduce((sum, c, i) => sum + BigInt(c) * 10n ** BigInt(PACKED_BUCKET_DIGITS * i), 0n);
const trimmed = (hist: number[]) => {
  while (hist.length && hist[hist.length - 1] === 0) hist.pop();
  return hist;
};

describe('log-bucket histogram', () => {
  it('puts 0.5 ms in bucket 0 and 1 ms in bucket 1', () => {
    expect(bucketOf(0.5)).toBe(0);
    expect(bucketOf(1)).toBe(1);
  });
  it('an empty histogram has no percentile (null, never NaN)', () => {
    expect(percentile([], 0.95)).toBeNull();
  });
  it('merging two histograms equals histogramming the union', () => {
    const a: number[] = [];
    const b: number[] = [];
    const all: number[] = [];
    [10, 20, 300].forEach((v) => (addToHistogram(a, v), addToHistogram(all, v)));
    [5, 4000].forEach((v) => (addToHistogram(b, v), addToHistogram(all, v)));
    expect(mergeHistograms([...a], b)).toEqual(all);
  });
  it(`any percentile is within the documented ${(RELATIVE_ERROR * 100).toFixed(1)}% of the exact nearest-rank value`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(0.5, 0.95, 0.99),
        (values, q) => {
          const hist: number[] = [];
          values.forEach((v) => addToHistogram(hist, v));
          const sorted = [...values].sort((x, y) => x - y);
          const exact = sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
          const approx = percentile(hist, q)!;
          return Math.abs(approx - exact) / exact <= RELATIVE_ERROR + 1e-9;
        },
      ),
    );
  });
});

describe('packed histograms', () => {
  it('unpack [0, 3, 1] from its packed digits; no sum and a zero sum are empty', () => {
    expect(unpackHistogram(`1${'0'.repeat(11)}3${'0'.repeat(12)}`)).toEqual([0, 3, 1]);
    expect(unpackHistogram(null)).toEqual([]);
    expect(unpackHistogram('0')).toEqual([]);
  });
  it('adding packed histograms and unpacking the sum merges them bucket by bucket', () => {
    const hist = fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 161 });
    fc.assert(
      fc.property(fc.array(hist, { minLength: 1, maxLength: 20 }), (hists) => {
        const sum = hists.reduce((total, h) => total + pack(h), 0n);
        const merged = hists.reduce<number[]>((into, h) => mergeHistograms(into, h), []);
        expect(unpackHistogram(sum.toString())).toEqual(trimmed(merged));
      }),
    );
  });
});
