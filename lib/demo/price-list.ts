/**
 * The demo's price book: list prices of the managed APIs the demo calls, two self-hosted pools
 * and the unit costs. Rates are micro-dollars (6-decimal fixed point) as lib/costing expects.
 */
import type { ModelPrice, PoolVersion, UnitCost } from '../costing/pricebook';

/** A model price plus where the figure came from, for the price-book screen. */
export interface DemoModelPrice extends ModelPrice {
  source: string;
}

/** USD with up to 6 decimals as micro-dollars; written as strings so no float is involved. */
function micro(usd: string): bigint {
  const [whole, frac = ''] = usd.split('.');
  return BigInt(whole!) * 1_000_000n + BigInt(frac.padEnd(6, '0').slice(0, 6));
}

const OPENAI = 'openai.com/api/pricing (list price, standard tier)';
const ANTHROPIC = 'anthropic.com/pricing (list price; cached = cache read)';
const GOOGLE = 'ai.google.dev/gemini-api/docs/pricing (prompts up to 200k tokens)';

export function demoModelPrices(effectiveFrom: Date): DemoModelPrice[] {
  const price = (
    provider: string,
    model: string,
    match: 'exact' | 'pattern',
    input: string,
    cached: string,
    output: string,
    source: string,
  ): DemoModelPrice => ({
    provider,
    model,
    match,
    inputPer1m: micro(input),
    cachedInputPer1m: micro(cached),
    outputPer1m: micro(output),
    reasoningPer1m: null,
    effectiveFrom,
    source,
  });
  return [
    price('openai', 'gpt-4o', 'exact', '2.50', '1.25', '10.00', OPENAI),
    price('openai', 'gpt-4o-mini', 'exact', '0.15', '0.075', '0.60', OPENAI),
    price('openai', 'o3-mini', 'exact', '1.10', '0.55', '4.40', OPENAI),
    price('openai', 'text-embedding-3-small', 'exact', '0.02', '0.02', '0', OPENAI),
    // Dated snapshots ("claude-sonnet-4-20250514") match through the pattern.
    price('anthropic', 'claude-sonnet-4*', 'pattern', '3.00', '0.30', '15.00', ANTHROPIC),
    price('anthropic', 'claude-3-5-haiku*', 'pattern', '0.80', '0.08', '4.00', ANTHROPIC),
    price('google', 'gemini-2.5-pro', 'exact', '1.25', '0.31', '10.00', GOOGLE),
  ];
}

export const H100_POOL = 'h100-a';
export const L40S_POOL = 'l40s-b';
/** Hours of the UTC day (start inclusive, end exclusive) during which l40s-b is provisioned. */
export const L40S_HOURS = { from: 6, to: 20 } as const;

/**
 * The pools, sized for the traffic: `scale` is the run's volume relative to the default demo,
 * so a bigger run gets a bigger fleet (at least one GPU each) rather than an overloaded one.
 */
export function demoPools(effectiveFrom: Date, scale = 1): PoolVersion[] {
  const h100s = Math.max(1, Math.round(2 * scale));
  const l40ss = Math.max(1, Math.round(4 * scale));
  return [
    {
      name: H100_POOL,
      gpuType: 'H100 80GB',
      gpuCount: h100s,
      usdPerGpuHour: micro('4.00'),
      pricingModel: 'reserved',
      billingGranularity: 'hour',
      provisionedGpuHoursPerDay: null,
      inputWeight: micro('0.25'),
      effectiveFrom,
    },
    {
      name: L40S_POOL,
      gpuType: 'L40S 48GB',
      gpuCount: l40ss,
      usdPerGpuHour: micro('1.10'),
      pricingModel: 'on_demand',
      billingGranularity: 'hour',
      provisionedGpuHoursPerDay: BigInt(l40ss * (L40S_HOURS.to - L40S_HOURS.from)) * 1_000_000n,
      inputWeight: micro('0.25'),
      effectiveFrom,
    },
  ];
}

export function demoUnitCosts(effectiveFrom: Date): UnitCost[] {
  return [
    // Sandboxed test runs and code search behind each agent tool call.
    { kind: 'tool_call', scope: 'agentic_coding', usd: micro('0.004'), effectiveFrom },
    { kind: 'reviewer_hour', scope: 'support', usd: micro('38.00'), effectiveFrom },
    { kind: 'reviewer_hour', scope: 'legal-ops', usd: micro('95.00'), effectiveFrom },
  ];
}
