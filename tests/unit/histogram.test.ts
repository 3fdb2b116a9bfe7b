import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToHistogram, bucketOf, mergeHistograms, percentile, RELATIVE_ERROR } from '@/lib/histogram';

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
