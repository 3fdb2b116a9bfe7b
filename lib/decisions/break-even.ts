/**
 * API against a dedicated GPU pool for one workload class (docs/decisions.md), from the class's
 * own calls: what they cost on the API, what they weigh on the pool, and the pool's throughput.
 * Money is pico-dollars throughout; every ratio is an exact fraction, rounded once at the end.
 *
 *   API(V)  = a x V            a: the class's blended API price per token
 *   pool(V) = F + max(P, k x V)  P: the pool's provisioned month, F: operations, k = m x peak/average:
 *                                a dedicated pool must serve the busiest hour, so beyond what P covers
 *                                it grows at its full-use price m times the demand's peak-to-average
 */
import type { Throughput } from './changes';
import { add, cmp, div, frac, max, mul, sub, type Fraction } from './fraction';
import type { DemandCurve } from './hybrid';

/** A month of 730 hours (8,760 / 12), as cloud price sheets count it. */
const MONTH_HOURS = 730n;
const MS_PER_HOUR = 3_600_000n;
const NANO_PER_HOUR = 1_000_000_000n;
const PICO_PER_MICRO = 1_000_000n;

/** What the break-even takes, summed over the class's generation and tool calls in the period. */
export interface BreakEvenInputs {
  /** input + output tokens */
  tokens: bigint;
  /** what those calls cost, or would cost, on the API (pico) */
  apiCost: bigint;
  /** their token weight on the pool (poolTokenWeight units) */
  poolWeight: bigint;
  periodMs: bigint;
  pool: { usdPerGpuHour: bigint; provisionedNanoHoursPerDay: bigint };
  throughput: Throughput;
  /** stated operating cost of running the pool (pico per month) */
  fixedOpsPerMonth: bigint;
}

/** The linear model, every figure an exact fraction (pico and tokens per month). */
export interface CostModel {
  /** API pico per token */
  apiPerToken: Fraction;
  /** pool pico per token at full use */
  poolPerToken: Fraction;
  /** busiest hour / average hour of the demand curve */
  peakToAverage: Fraction;
  /** pool pico per token when sized for the busiest hour: poolPerToken x peakToAverage */
  poolPerTokenAtPeak: Fraction;
  /** the provisioned pool's month (pico) */
  poolMonth: Fraction;
  fixedOps: Fraction;
  /** tokens per month the provisioned pool serves, busiest hour included; null: calls weigh nothing on it */
  capacity: Fraction | null;
  /** tokens per month observed */
  observed: Fraction;
  /** one GPU-hour serves this many of the class's tokens; null as for capacity */
  tokensPerGpuHour: Fraction | null;
  /** a GPU of the pool for a month (pico) */
  gpuMonth: Fraction;
  /** month / period: scales what the period saw to a month */
  monthScale: Fraction;
}

export function costModel(i: BreakEvenInputs, demand: DemandCurve): CostModel {
  if (i.tokens <= 0n || demand.total <= 0n) throw new RangeError('the break-even needs tokens');
  const rate = i.pool.usdPerGpuHour; // micro-USD per GPU-hour
  // GPU nano-hours per token = weight per token / throughput weight per nano-hour
  const nanoPerToken = frac(i.poolWeight * i.throughput.gpuNanoHours, i.tokens * i.throughput.weight);
  const picoPerNano = frac(rate * PICO_PER_MICRO, NANO_PER_HOUR);
  const monthNano = frac(i.pool.provisionedNanoHoursPerDay * MONTH_HOURS, 24n);
  const poolPerToken = mul(nanoPerToken, picoPerNano);
  const peakToAverage = frac(demand.peak * BigInt(demand.hours), demand.total);
  return {
    apiPerToken: frac(i.apiCost, i.tokens),
    poolPerToken,
    peakToAverage,
    poolPerTokenAtPeak: mul(poolPerToken, peakToAverage),
    poolMonth: mul(monthNano, picoPerNano),
    fixedOps: frac(i.fixedOpsPerMonth),
    capacity: nanoPerToken.n === 0n ? null : div(monthNano, mul(nanoPerToken, peakToAverage)),
    observed: frac(i.tokens * MONTH_HOURS * MS_PER_HOUR, i.periodMs),
    tokensPerGpuHour: nanoPerToken.n === 0n ? null : div(frac(NANO_PER_HOUR), nanoPerToken),
    gpuMonth: frac(rate * PICO_PER_MICRO * MONTH_HOURS),
    monthScale: frac(MONTH_HOURS * MS_PER_HOUR, i.periodMs),
  };
}

export const apiCostAt = (m: CostModel, volume: Fraction) => mul(m.apiPerToken, volume);
export const poolCostAt = (m: CostModel, volume: Fraction) =>
  add(m.fixedOps, max(m.poolMonth, mul(m.poolPerTokenAtPeak, volume)));

/**
 * Tokens per month at which the pool costs what the API does; null when no volume does (the API
 * costs no more per token than a pool sized for the peak). Both costs are linear but for the
 * pool's kink at capacity, and the pool minus the API only falls, so there is one crossing at most.
 */
export function breakEven(m: CostModel): Fraction | null {
  const a = m.apiPerToken;
  const k = m.poolPerTokenAtPeak;
  if (cmp(a, k) <= 0) return null;
  const withinCapacity = div(add(m.fixedOps, m.poolMonth), a);
  if (cmp(mul(k, withinCapacity), m.poolMonth) <= 0) return withinCapacity;
  return div(m.fixedOps, sub(a, k));
}
