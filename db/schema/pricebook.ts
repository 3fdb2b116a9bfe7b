import { sql } from 'drizzle-orm';
import { bigserial, date, integer, jsonb, pgEnum, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, rate, tstz } from './columns';
import {
  ALLOCATION_RULES,
  BILLING_GRANULARITY,
  MATCH_KINDS,
  PRICING_MODELS,
  UNIT_COST_KINDS,
} from '../../lib/costing/pricebook';

export const matchKindEnum = pgEnum('model_match', MATCH_KINDS);
export const pricingModelEnum = pgEnum('pricing_model', PRICING_MODELS);
export const billingGranularityEnum = pgEnum('billing_granularity', BILLING_GRANULARITY);
export const allocationRuleEnum = pgEnum('allocation_rule', ALLOCATION_RULES);
export const unitCostKindEnum = pgEnum('unit_cost_kind', UNIT_COST_KINDS);

/** USD per 1M tokens for a provider + model (exact name or glob pattern), in force from `effective_from`. */
export const modelPrices = pgTable(
  'model_prices',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    match: matchKindEnum('match').notNull().default('exact'),
    inputUsdPer1m: rate('input_usd_per_1m').notNull(),
    cachedInputUsdPer1m: rate('cached_input_usd_per_1m').notNull(),
    outputUsdPer1m: rate('output_usd_per_1m').notNull(),
    /** null: reasoning tokens cost the output price */
    reasoningUsdPer1m: rate('reasoning_usd_per_1m'),
    effectiveFrom: tstz('effective_from').notNull(),
    source: text('source'),
    createdAt: createdAt(),
  },
  // The price book matches names without case, so two spellings of one price must not coexist.
  (t) => [uniqueIndex('model_prices_key').on(sql`lower(${t.provider})`, sql`lower(${t.model})`, t.effectiveFrom)],
);

/** A self-hosted GPU pool, versioned like prices. */
export const gpuPools = pgTable(
  'gpu_pools',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    gpuType: text('gpu_type').notNull(),
    gpuCount: integer('gpu_count').notNull(),
    usdPerGpuHour: rate('usd_per_gpu_hour').notNull(),
    pricingModel: pricingModelEnum('pricing_model').notNull().default('on_demand'),
    billingGranularity: billingGranularityEnum('billing_granularity').notNull().default('second'),
    /** null: always on (gpu_count x 24) */
    provisionedGpuHoursPerDay: rate('provisioned_gpu_hours_per_day'),
    inputWeight: rate('input_weight').notNull().default('0.25'),
    effectiveFrom: tstz('effective_from').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('gpu_pools_key').on(t.name, t.effectiveFrom)],
);

/** USD per tool call (scope: workload class) or reviewer USD per hour (scope: team); '' scope = default. */
export const unitCosts = pgTable(
  'unit_costs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: unitCostKindEnum('kind').notNull(),
    scope: text('scope').notNull().default(''),
    usd: rate('usd').notNull(),
    effectiveFrom: tstz('effective_from').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('unit_costs_key').on(t.kind, t.scope, t.effectiveFrom)],
);

/** A monthly amount on layer 2, 4 or 5, assigned to one owner or shared by a rule. */
export const fixedCosts = pgTable('fixed_costs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  name: text('name').notNull(),
  layer: smallint('layer').notNull(),
  category: text('category').notNull(),
  monthlyUsd: rate('monthly_usd').notNull(),
  rule: allocationRuleEnum('rule').notNull().default('weighted'),
  team: text('team'),
  workloadClass: text('workload_class'),
  /** for rule `fixed`: team slug -> percent, summing to 100 */
  fixedShares: jsonb('fixed_shares').$type<Record<string, number>>(),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
  effectiveTo: date('effective_to', { mode: 'string' }),
  createdAt: createdAt(),
  deletedAt: tstz('deleted_at'),
});

/** Single-row-per-key settings: idle policy, reporting time zone, strict registry... */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tstz('updated_at')
    .notNull()
    .default(sql`now()`),
});
