/**
 * The hybrid (docs/decisions.md): g always-on GPUs of the pool serve each hour's demand up to
 * their capacity and the API takes the rest. g is chosen from the observed hourly demand curve to
 * make the month cheapest; more GPUs only pay while an extra one saves more API spend than it
 * costs, and that saving falls as g grows (overflow is convex in g), so a binary search finds it.
 */
import type { CostModel } from './break-even';
import { add, ceil, cmp, div, frac, mul, sub, type Fraction } from './fraction';

export interface HybridPlan {
  gpus: bigint;
  /** tokens of the class the GPUs serve per hour */
  capacityPerHour: Fraction;
  /** tokens per month left to the API */
  overflowPerMonth: Fraction;
  /** share of the tokens the pool serves (0..1) */
  poolShare: Fraction;
  gpuCost: Fraction;
  apiCost: Fraction;
  fixedOps: Fraction;
  total: Fraction;
  /** GPUs to serve the busiest hour alone, and what that pool costs with operations */
  peakGpus: bigint;
  peakCost: Fraction;
}

/** Hourly demand sorted from the busiest hour down, with running sums, scaled by `scale`. */
export class DemandCurve {
  private readonly sorted: bigint[];
  private readonly prefix: bigint[];
  readonly total: bigint;
  readonly hours: number;
  constructor(hourly: readonly bigint[]) {
    this.hours = hourly.length;
    this.sorted = [...hourly].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    this.prefix = [0n];
    for (const d of this.sorted) this.prefix.push(this.prefix[this.prefix.length - 1]! + d);
    this.total = this.prefix[this.prefix.length - 1]!;
  }
  get peak(): bigint {
    return this.sorted[0] ?? 0n;
  }
  /** Tokens above `threshold` per hour, summed over the hours, for demand x `scale`. */
  overflow(threshold: Fraction, scale: Fraction): Fraction {
    // hours busier than the threshold: d x scale > t  <=>  d x scale.n x t.d > t.n x scale.d
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! * scale.n * threshold.d > threshold.n * scale.d) lo = mid + 1;
      else hi = mid;
    }
    return sub(mul(frac(this.prefix[lo]!), scale), mul(threshold, frac(BigInt(lo))));
  }
}

export function planHybrid(m: CostModel, demand: DemandCurve, scale: Fraction = frac(1n)): HybridPlan | null {
  const c = m.tokensPerGpuHour;
  if (c === null || c.n === 0n) return null;
  const cost = (g: bigint) => {
    const overflow = mul(demand.overflow(mul(c, frac(g)), scale), m.monthScale);
    const gpuCost = mul(m.gpuMonth, frac(g));
    const apiCost = mul(overflow, m.apiPerToken);
    const fixedOps = g > 0n ? m.fixedOps : frac(0n);
    return { gpus: g, overflow, gpuCost, apiCost, fixedOps, total: add(add(gpuCost, apiCost), fixedOps) };
  };
  const peakGpus = ceil(mul(frac(demand.peak), mul(scale, frac(c.d, c.n))));
  // the first g >= 1 at which one more GPU saves no more than it costs
  let lo = 1n;
  let hi = peakGpus > 1n ? peakGpus : 1n;
  while (lo < hi) {
    const g = (lo + hi) / 2n;
    if (cmp(sub(cost(g).total, cost(g + 1n).total), frac(0n)) > 0) lo = g + 1n;
    else hi = g;
  }
  const none = cost(0n);
  const some = cost(lo);
  const best = cmp(some.total, none.total) < 0 ? some : none;
  const monthly = mul(frac(demand.total), mul(scale, m.monthScale));
  return {
    gpus: best.gpus,
    capacityPerHour: mul(c, frac(best.gpus)),
    overflowPerMonth: best.overflow,
    poolShare: monthly.n === 0n ? frac(0n) : sub(frac(1n), div(best.overflow, monthly)),
    gpuCost: best.gpuCost,
    apiCost: best.apiCost,
    fixedOps: best.fixedOps,
    total: best.total,
    peakGpus,
    peakCost: add(m.fixedOps, mul(m.gpuMonth, frac(peakGpus))),
  };
}
