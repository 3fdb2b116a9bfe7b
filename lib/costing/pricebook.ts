/**
 * The price book as the costing engine sees it: plain values with effective dates, looked up by
 * the time of the event. Rates are bigint micro-dollars (6 decimals, as stored), which makes
 * tokens x (USD per 1M tokens) an exact count of pico-dollars.
 */
export const MATCH_KINDS = ['exact', 'pattern'] as const;
export const PRICING_MODELS = ['on_demand', 'spot', 'reserved', 'owned_amortized'] as const;
export const BILLING_GRANULARITY = ['second', 'hour'] as const;
export const ALLOCATION_RULES = [
  'assigned',
  'weighted',
  'even',
  'fixed',
  'requests',
  'output_tokens',
  'accepted_workflows',
] as const;
export const UNIT_COST_KINDS = ['tool_call', 'reviewer_hour'] as const;
export const IDLE_POLICIES = ['share', 'separate'] as const;

type MatchKind = (typeof MATCH_KINDS)[number];
type PricingModel = (typeof PRICING_MODELS)[number];
type BillingGranularity = (typeof BILLING_GRANULARITY)[number];
export type UnitCostKind = (typeof UNIT_COST_KINDS)[number];

export const DEFAULT_REVIEWER_USD_PER_HOUR = 60_000_000n; // micro-USD
export const DEFAULT_INPUT_WEIGHT = 250_000n; // 0.25 in micro-units

export interface ModelPrice {
  provider: string;
  model: string;
  match: MatchKind;
  inputPer1m: bigint;
  cachedInputPer1m: bigint;
  outputPer1m: bigint;
  reasoningPer1m: bigint | null;
  effectiveFrom: Date;
}

export interface PoolVersion {
  name: string;
  gpuType: string;
  gpuCount: number;
  usdPerGpuHour: bigint;
  pricingModel: PricingModel;
  billingGranularity: BillingGranularity;
  /** micro GPU-hours per day; null = always on */
  provisionedGpuHoursPerDay: bigint | null;
  inputWeight: bigint;
  effectiveFrom: Date;
}

export interface UnitCost {
  kind: UnitCostKind;
  scope: string;
  usd: bigint;
  effectiveFrom: Date;
}

export interface PriceBookData {
  modelPrices: readonly ModelPrice[];
  pools: readonly PoolVersion[];
  unitCosts: readonly UnitCost[];
}

/** The version in force at `at`: the latest whose effective_from is not after it. */
function inForce<T extends { effectiveFrom: Date }>(versions: readonly T[], at: Date): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    if (v.effectiveFrom.getTime() <= at.getTime() && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  }
  return best;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Distinct (provider, model) names whose price candidates are kept. */
const NAME_CACHE_SIZE = 10_000;

/** Patterns with more literal characters are more specific ("gpt-4o-mini*" beats "gpt-4o*"). */
const specificity = (pattern: string) => pattern.replace(/\*/g, '').length;

export class PriceBook {
  private readonly exact: Map<string, ModelPrice[]>;
  private readonly patterns: Array<{ provider: string; model: string; re: RegExp; versions: ModelPrice[] }>;
  private readonly pools: Map<string, PoolVersion[]>;
  private readonly units: Map<string, UnitCost[]>;
  /** candidates by provider, then model: no joined key is built for the look-up ingest makes per event */
  private readonly byName = new Map<string, Map<string, ReadonlyArray<readonly ModelPrice[]>>>();
  private names = 0;

  constructor(readonly data: PriceBookData) {
    const norm = (p: ModelPrice) => `${p.provider.toLowerCase()}\u0000${p.model.toLowerCase()}`;
    this.exact = groupBy(
      data.modelPrices.filter((p) => p.match === 'exact'),
      norm,
    );
    this.patterns = [
      ...groupBy(
        data.modelPrices.filter((p) => p.match === 'pattern'),
        norm,
      ).values(),
    ]
      .map((versions) => ({
        provider: versions[0]!.provider.toLowerCase(),
        model: versions[0]!.model,
        re: globToRegExp(versions[0]!.model),
        versions,
      }))
      .sort((a, b) => specificity(b.model) - specificity(a.model));
    this.pools = groupBy(data.pools, (p) => p.name);
    this.units = groupBy(data.unitCosts, (u) => `${u.kind}\u0000${u.scope}`);
  }

  /** Most specific price in force: an exact name first, then the most literal matching pattern. */
  modelPrice(provider: string, model: string, at: Date): ModelPrice | undefined {
    for (const versions of this.candidates(provider, model)) {
      const hit = inForce(versions, at);
      if (hit) return hit;
    }
    return undefined;
  }

  /**
   * The version lists that can price (provider, model), most specific first: its exact name's,
   * then each matching pattern's. Worked out once per name, as ingest asks for every event.
   */
  private candidates(provider: string, model: string): ReadonlyArray<readonly ModelPrice[]> {
    let ofProvider = this.byName.get(provider);
    let found = ofProvider?.get(model);
    if (!found) {
      const p = provider.toLowerCase();
      const exact = this.exact.get(`${p}\u0000${model.toLowerCase()}`);
      const patterns = this.patterns
        .filter((pat) => pat.provider === p && pat.re.test(model))
        .map((pat) => pat.versions);
      found = exact ? [exact, ...patterns] : patterns;
      // Names come from senders: the cache is bounded, and starts over when full.
      if (this.names >= NAME_CACHE_SIZE) {
        this.byName.clear();
        this.names = 0;
        ofProvider = undefined;
      }
      if (!ofProvider) this.byName.set(provider, (ofProvider = new Map()));
      ofProvider.set(model, found);
      this.names++;
    }
    return found;
  }

  pool(name: string, at: Date): PoolVersion | undefined {
    const versions = this.pools.get(name);
    return versions && inForce(versions, at);
  }

  /** Every pool name the book knows, for idle-capacity accounting. */
  poolNames(): string[] {
    return [...this.pools.keys()];
  }

  /** A scoped unit cost, falling back to the '' default, then to `fallback`. */
  unitCost(kind: UnitCostKind, scope: string, at: Date, fallback: bigint): bigint {
    const scoped = this.units.get(`${kind}\u0000${scope}`);
    const hit = (scoped && inForce(scoped, at)) ?? inForce(this.units.get(`${kind}\u0000`) ?? [], at);
    return hit ? hit.usd : fallback;
  }
}
