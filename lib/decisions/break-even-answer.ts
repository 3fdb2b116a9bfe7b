/**
 * The break-even as `GET /api/v1/break-even` answers it: the model's figures as exact decimal
 * strings, the cost curves for a chart, the hybrid plan and a recommendation with its numbers.
 */
import { formatCountCompact, formatUsd } from '../format/numbers';
import { formatUnits, PICO_DIGITS } from '../money';
import { apiCostAt, breakEven, costModel, poolCostAt, type BreakEvenInputs, type CostModel } from './break-even';
import { cmp, div, frac, max, mul, round, sub, type Fraction } from './fraction';
import { DemandCurve, planHybrid, type HybridPlan } from './hybrid';

type Option = 'api' | 'pool' | 'hybrid';

export interface BreakEvenContext {
  workloadClass: string;
  pool: string;
  api: { provider: string; model: string };
  from: string;
  to: string;
  /** where most of the class's tokens run today */
  current: 'api' | 'pool';
}

interface CurvePoint {
  tokens_per_month: number;
  api_usd: string;
  pool_usd: string;
  hybrid_usd: string | null;
}

export interface HybridBody {
  gpus: number;
  capacity_tokens_per_hour: number;
  pool_share: number;
  overflow_tokens_per_month: number;
  gpu_usd_per_month: string;
  api_usd_per_month: string;
  fixed_ops_usd_per_month: string;
  total_usd_per_month: string;
  peak_gpus: number;
  peak_pool_usd_per_month: string;
}

export interface BreakEvenBody {
  workload_class: string;
  pool: string;
  api: { provider: string; model: string };
  from: string;
  to: string;
  api_usd_per_1m: string;
  pool_usd_per_month: string;
  pool_marginal_usd_per_1m: string;
  /** busiest hour over the average hour: what sizing the pool for the peak multiplies its price by */
  peak_to_average: number;
  pool_peak_sized_usd_per_1m: string;
  pool_capacity_tokens_per_month: number | null;
  fixed_ops_usd_per_month: string;
  throughput: { tokens_per_gpu_hour: number | null; source: 'measured' | 'stated' };
  break_even_tokens_per_month: number | null;
  observed_tokens_per_month: number;
  current: 'api' | 'pool';
  monthly_usd_at_observed: { api: string; pool: string; hybrid: string | null };
  hybrid: HybridBody | null;
  curve: CurvePoint[];
  recommendation: { option: Option; saving_usd_per_month: string; summary: string };
}

const PER_1M = frac(1_000_000n);
/** Pico fractions as 6-decimal USD strings, rounded once. */
const usd = (pico: Fraction) => formatUnits(round(pico), PICO_DIGITS, 6);
const tokens = (t: Fraction) => Number(round(t));
const POINTS = 24n;
/** A dimensionless ratio as a plain number to 6 decimals (display only: no money passes through it). */
const ratio = (f: Fraction) => Number(round(mul(f, frac(1_000_000n)))) / 1e6;

function hybridBody(h: HybridPlan): HybridBody {
  return {
    gpus: Number(h.gpus),
    capacity_tokens_per_hour: tokens(h.capacityPerHour),
    pool_share: ratio(h.poolShare),
    overflow_tokens_per_month: tokens(h.overflowPerMonth),
    gpu_usd_per_month: usd(h.gpuCost),
    api_usd_per_month: usd(h.apiCost),
    fixed_ops_usd_per_month: usd(h.fixedOps),
    total_usd_per_month: usd(h.total),
    peak_gpus: Number(h.peakGpus),
    peak_pool_usd_per_month: usd(h.peakCost),
  };
}

/** Evenly spaced volumes to twice the observed one or past the break-even, with both marked. */
function curve(m: CostModel, demand: DemandCurve, even: Fraction | null): CurvePoint[] {
  let top = mul(m.observed, frac(2n));
  if (even) top = max(top, mul(even, frac(5n, 4n)));
  const volumes = Array.from({ length: Number(POINTS) + 1 }, (_, i) => mul(top, frac(BigInt(i), POINTS)));
  for (const marked of [m.observed, even]) {
    if (marked && !volumes.some((v) => cmp(v, marked) === 0)) volumes.push(marked);
  }
  volumes.sort(cmp);
  return volumes.map((v) => {
    const hybrid = planHybrid(m, demand, div(v, m.observed));
    return {
      tokens_per_month: tokens(v),
      api_usd: usd(apiCostAt(m, v)),
      pool_usd: usd(poolCostAt(m, v)),
      hybrid_usd: hybrid ? usd(hybrid.total) : null,
    };
  });
}

const OPTION_NAME = (c: BreakEvenContext): Record<Option, string> => ({
  api: `the API (${c.api.provider}/${c.api.model})`,
  pool: `a dedicated ${c.pool}`,
  hybrid: `${c.pool} for the baseline with the API for the peaks`,
});
const money = (pico: Fraction) => formatUsd(usd(pico));
const volume = (t: Fraction) => formatCountCompact(tokens(t));

function recommend(c: BreakEvenContext, m: CostModel, even: Fraction | null, costs: Record<Option, Fraction | null>) {
  const options = (['api', 'pool', 'hybrid'] as const).filter((o) => costs[o] !== null);
  // The cheapest; a tie keeps what runs today (no migration for nothing).
  const best = options.reduce((a, b) => (cmp(costs[b]!, costs[a]!) < 0 ? b : a), c.current as Option);
  const saved = sub(costs[c.current]!, costs[best]!);
  const names = OPTION_NAME(c);
  const evenText = even
    ? `the pool breaks even with the API at ${volume(even)} tokens a month`
    : `the pool never breaks even: sized for the busiest hour it costs ${money(mul(m.poolPerTokenAtPeak, PER_1M))} per 1M tokens against ${money(mul(m.apiPerToken, PER_1M))} on the API`;
  const at = `at the observed ${volume(m.observed)} tokens`;
  const head =
    best === c.current
      ? `Stay on ${names[best]}: ${money(costs[best]!)} a month ${at}`
      : `Move to ${names[best]}: ${money(costs[best]!)} a month against ${money(costs[c.current]!)} today ${at}, ${money(saved)} less`;
  return { option: best, saving_usd_per_month: usd(saved), summary: `${head}; ${evenText}.` };
}

/** `hourlyTokens`: the class's tokens in each hour of the period, quiet hours as 0. */
export function breakEvenAnswer(
  inputs: BreakEvenInputs,
  hourlyTokens: readonly bigint[],
  c: BreakEvenContext,
): BreakEvenBody {
  const demand = new DemandCurve(hourlyTokens);
  const m = costModel(inputs, demand);
  const even = breakEven(m);
  const hybrid = planHybrid(m, demand);
  const costs: Record<Option, Fraction | null> = {
    api: apiCostAt(m, m.observed),
    pool: poolCostAt(m, m.observed),
    hybrid: hybrid && hybrid.gpus > 0n ? hybrid.total : null,
  };
  return {
    workload_class: c.workloadClass,
    pool: c.pool,
    api: c.api,
    from: c.from,
    to: c.to,
    api_usd_per_1m: usd(mul(m.apiPerToken, PER_1M)),
    pool_usd_per_month: usd(m.poolMonth),
    pool_marginal_usd_per_1m: usd(mul(m.poolPerToken, PER_1M)),
    peak_to_average: ratio(m.peakToAverage),
    pool_peak_sized_usd_per_1m: usd(mul(m.poolPerTokenAtPeak, PER_1M)),
    pool_capacity_tokens_per_month: m.capacity && tokens(m.capacity),
    fixed_ops_usd_per_month: usd(m.fixedOps),
    throughput: {
      tokens_per_gpu_hour: m.tokensPerGpuHour && tokens(m.tokensPerGpuHour),
      source: inputs.throughput.source,
    },
    break_even_tokens_per_month: even && tokens(even),
    observed_tokens_per_month: tokens(m.observed),
    current: c.current,
    monthly_usd_at_observed: {
      api: usd(costs.api!),
      pool: usd(costs.pool!),
      hybrid: costs.hybrid && usd(costs.hybrid),
    },
    hybrid: hybrid && hybridBody(hybrid),
    curve: curve(m, demand, even),
    recommendation: recommend(c, m, even, costs),
  };
}
