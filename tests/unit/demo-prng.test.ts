import { describe, expect, it } from 'vitest';
import { Rng } from '@/lib/demo/prng';

const draws = (seed: number, n: number, f: (r: Rng) => number) => {
  const r = new Rng(seed);
  return Array.from({ length: n }, () => f(r));
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('Rng', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    expect(draws(1, 100, (r) => r.float())).toEqual(draws(1, 100, (r) => r.float()));
    expect(draws(1, 100, (r) => r.float())).not.toEqual(draws(2, 100, (r) => r.float()));
  });

  it('floats are uniform in [0, 1)', () => {
    const xs = draws(3, 50_000, (r) => r.float());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 2);
    const buckets = new Array<number>(10).fill(0);
    for (const x of xs) buckets[Math.floor(x * 10)]!++;
    for (const b of buckets) expect(Math.abs(b - 5000)).toBeLessThan(300);
  });

  it('int covers both ends of its range', () => {
    const xs = new Set(draws(4, 2000, (r) => r.int(3, 7)));
    expect([...xs].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('normal has mean 0 and variance 1; lognormal has the given median', () => {
    const zs = draws(5, 50_000, (r) => r.normal());
    expect(mean(zs)).toBeCloseTo(0, 1);
    expect(mean(zs.map((z) => z * z))).toBeCloseTo(1, 1);
    const ls = draws(6, 50_000, (r) => r.lognormal(200, 0.5));
    expect(Math.abs(median(ls) / 200 - 1)).toBeLessThan(0.03);
  });

  it.each([0.3, 2.5, 12, 80])('poisson(%d) has that mean', (m) => {
    const xs = draws(7, 20_000, (r) => r.poisson(m));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expect(Math.abs(mean(xs) - m)).toBeLessThan(0.05 * m + 0.02);
  });

  it('pickCumulative follows the weights', () => {
    const counts = [0, 0, 0];
    for (const i of draws(8, 30_000, (r) => r.pickCumulative([1, 3, 6]))) counts[i]!++;
    const expected = [1 / 6, 2 / 6, 3 / 6]; // cumulative [1, 3, 6] = weights 1, 2, 3
    counts.forEach((c, i) => expect(Math.abs(c / 30_000 - expected[i]!)).toBeLessThan(0.01));
  });
});
