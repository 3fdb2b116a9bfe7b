import { formatUnits, parseDecimal } from '../money';

/**
 * Price-book rows as the API shows them (and as the audit log keeps them): snake_case, money and
 * rates as decimal strings with 6 decimals, instants as ISO strings.
 */
const rate6 = (numeric: string): string => formatUnits(parseDecimal(numeric, 6), 6, 6);
const rate6OrNull = (numeric: string | null): string | null => (numeric === null ? null : rate6(numeric));

export interface ModelPriceRecord {
  id: number;
  provider: string;
  model: string;
  match: 'exact' | 'pattern';
  inputUsdPer1m: string;
  cachedInputUsdPer1m: string;
  outputUsdPer1m: string;
  reasoningUsdPer1m: string | null;
  effectiveFrom: Date;
  source: string | null;
  createdAt: Date;
}

export function toPriceJson(p: ModelPriceRecord) {
  return {
    id: p.id,
    provider: p.provider,
    model: p.model,
    match: p.match,
    input_usd_per_1m: rate6(p.inputUsdPer1m),
    cached_input_usd_per_1m: rate6(p.cachedInputUsdPer1m),
    output_usd_per_1m: rate6(p.outputUsdPer1m),
    /** null: reasoning tokens cost the output price */
    reasoning_usd_per_1m: rate6OrNull(p.reasoningUsdPer1m),
    effective_from: p.effectiveFrom.toISOString(),
    source: p.source,
    created_at: p.createdAt.toISOString(),
  };
}

export interface GpuPoolRecord {
  id: number;
  name: string;
  gpuType: string;
  gpuCount: number;
  usdPerGpuHour: string;
  pricingModel: string;
  billingGranularity: string;
  provisionedGpuHoursPerDay: string | null;
  inputWeight: string;
  effectiveFrom: Date;
  createdAt: Date;
}

export function toPoolJson(p: GpuPoolRecord) {
  return {
    id: p.id,
    name: p.name,
    gpu_type: p.gpuType,
    gpu_count: p.gpuCount,
    usd_per_gpu_hour: rate6(p.usdPerGpuHour),
    pricing_model: p.pricingModel,
    billing_granularity: p.billingGranularity,
    /** null: always on (gpu_count x 24) */
    provisioned_gpu_hours_per_day: rate6OrNull(p.provisionedGpuHoursPerDay),
    input_weight: rate6(p.inputWeight),
    effective_from: p.effectiveFrom.toISOString(),
    created_at: p.createdAt.toISOString(),
  };
}

export interface UnitCostRecord {
  kind: string;
  scope: string;
  usd: string;
  effectiveFrom: Date;
}

export function toUnitCostJson(u: UnitCostRecord) {
  return { kind: u.kind, scope: u.scope, usd: rate6(u.usd), effective_from: u.effectiveFrom.toISOString() };
}

export interface FixedCostRecord {
  id: number;
  name: string;
  layer: number;
  category: string;
  monthlyUsd: string;
  rule: string;
  team: string | null;
  workloadClass: string | null;
  fixedShares: Record<string, number> | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  createdAt: Date;
}

export function toFixedCostJson(f: FixedCostRecord) {
  return {
    id: f.id,
    name: f.name,
    layer: f.layer,
    category: f.category,
    monthly_usd: rate6(f.monthlyUsd),
    rule: f.rule,
    team: f.team,
    workload_class: f.workloadClass,
    fixed_shares: f.fixedShares,
    effective_from: f.effectiveFrom,
    effective_to: f.effectiveTo,
    created_at: f.createdAt.toISOString(),
  };
}

/**
 * Marks, per group of versions, the one in force at `at`: the latest that has started. A group
 * whose versions all start later has none in force yet.
 */
export function inForceIds<T extends { id: number; effectiveFrom: Date }>(
  versions: readonly T[],
  groupOf: (v: T) => string,
  at: Date,
): Set<number> {
  const best = new Map<string, T>();
  for (const v of versions) {
    if (v.effectiveFrom > at) continue;
    const key = groupOf(v);
    const current = best.get(key);
    if (!current || v.effectiveFrom > current.effectiveFrom) best.set(key, v);
  }
  return new Set([...best.values()].map((v) => v.id));
}
