/**
 * Exact rationals over bigint for the break-even arithmetic: prices per token and throughputs
 * are ratios of observed sums, and the answer must not depend on float rounding.
 */
export interface Fraction {
  n: bigint;
  /** always > 0 */
  d: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function frac(n: bigint, d: bigint = 1n): Fraction {
  if (d === 0n) throw new RangeError('fraction with a zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const add = (a: Fraction, b: Fraction) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Fraction, b: Fraction) => frac(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d);
export const div = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n);
/** -1, 0 or 1 as a is below, equal to or above b. */
export const cmp = (a: Fraction, b: Fraction): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
export const max = (a: Fraction, b: Fraction) => (cmp(a, b) >= 0 ? a : b);

/** Rounded half away from zero to an integer. */
export function round(a: Fraction): bigint {
  const q = (2n * abs(a.n) + a.d) / (2n * a.d);
  return a.n < 0n ? -q : q;
}

/** Rounded up to an integer (for counts of GPUs). */
export function ceil(a: Fraction): bigint {
  const q = a.n / a.d;
  return a.n > 0n && a.n % a.d !== 0n ? q + 1n : q;
}
