/**
 * The metadata that travels with a FOCUS export (FOCUS "schema metadata"): version, generator,
 * period, the policies the figures were allocated under, and every column with its type.
 */
import type { Policies } from '../chargeback/policies';
import { describeRule, IDLE_POLICY_TEXT } from '../chargeback/policies';
import { ALL_COLUMNS } from './columns';

const FOCUS_VERSION = '1.2';

/** What each AllocatedMethodId in the file means. */
const METHODS: Record<string, string> = {
  'cut-idle-share-by-gpu-hours':
    "a pool's idle GPU capacity of a day, split over that day's users of the pool by GPU-hours (then output tokens, then requests)",
  'cut-fixed-assigned': "the day's share of a fixed cost, on its team or class, by direct cost",
  'cut-fixed-weighted': "the day's share of a fixed cost, split over all teams by direct cost",
  'cut-fixed-even': "the day's share of a fixed cost, split evenly over the teams active that day",
  'cut-fixed-fixed': "the day's share of a fixed cost, split by fixed percentages per team",
  'cut-fixed-requests': "the day's share of a fixed cost, split by requests",
  'cut-fixed-output-tokens': "the day's share of a fixed cost, split by output tokens",
  'cut-fixed-accepted-workflows': "the day's share of a fixed cost, split by accepted workflows",
};

export interface ManifestInput {
  month: string;
  billingPeriodStart: string;
  billingPeriodEnd: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  generatorVersion: string;
  createdAt: Date;
  policies: Policies;
  rows: number;
  /** decimal strings */
  totalEffectiveCost: string;
  correctionsEffectiveCost: string;
}

export function focusManifest(input: ManifestInput) {
  return {
    schema_id: `cut-chargeback-focus-${FOCUS_VERSION}-v1`,
    focus_version: FOCUS_VERSION,
    focus_columns_from: 'FOCUS 1.2, with the FOCUS 1.3 ServiceProviderName, HostProviderName and Allocated* columns',
    data_generator: 'CUT',
    data_generator_version: input.generatorVersion,
    creation_date: input.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    billing_period: { month: input.month, start: input.billingPeriodStart, end: input.billingPeriodEnd },
    month_status: input.status,
    closed_at: input.closedAt,
    rows: input.rows,
    total_effective_cost_usd: input.totalEffectiveCost,
    corrections_effective_cost_usd: input.correctionsEffectiveCost,
    cost_basis:
      'EffectiveCost is the amortized chargeback figure; BilledCost, ListCost and ContractedCost equal it (no purchases or discounts are modelled apart)',
    policies: {
      idle_policy: input.policies.idlePolicy,
      idle_policy_text: IDLE_POLICY_TEXT[input.policies.idlePolicy],
      fixed_costs: input.policies.fixedCosts.map((f) => ({
        id: f.id,
        name: f.name,
        layer: f.layer,
        monthly_usd: f.monthlyUsd,
        rule: f.rule,
        team: f.team,
        workload_class: f.workloadClass,
        fixed_shares: f.fixedShares,
        text: describeRule(f),
      })),
    },
    allocation_methods: METHODS,
    columns: ALL_COLUMNS.map((c) => ({
      name: c.name,
      data_type: c.type,
      focus_version_introduced: c.since,
      custom: c.since === null,
    })),
  };
}
