import type { Allocation, DayInput, DayRow, FixedCostInput } from '@/lib/costing/allocate';
import { DEFAULT_REVIEWER_USD_PER_HOUR } from '@/lib/costing/pricebook';
import { picoToUsd, usdToPico } from '@/lib/money';
import { makePool } from '../support/events';

export const HOUR = 1_000_000_000n; // nano-hours
export const usd = (text: string) => usdToPico(text);

/** A row of team `support` on the worked example's pool with all figures zero. */
export function row(overrides: Partial<DayRow> = {}): DayRow {
  return {
    team: 'support',
    workloadClass: 'customer_support',
    model: 'llama-70b',
    provider: 'self-hosted',
    pool: 'h100-a',
    requests: 0,
    outputTokens: 0,
    gpuNanoHours: 0n,
    direct: 0n,
    acceptedWorkflows: 0,
    outcomeReviewSeconds: 0,
    ...overrides,
  };
}

/** A managed-API row (pool '') of `team` with `direct` cost and `requests` calls. */
export const apiRow = (team: string, direct: string, requests = 1, overrides: Partial<DayRow> = {}) =>
  row({ team, model: 'gpt-test', provider: 'openai', pool: '', direct: usd(direct), requests, ...overrides });

export function fixedCost(overrides: Partial<FixedCostInput> = {}): FixedCostInput {
  return {
    id: 1,
    name: 'tracing',
    layer: 5,
    rule: 'weighted',
    team: null,
    workloadClass: null,
    fixedShares: null,
    amount: usd('100'),
    ...overrides,
  };
}

/** A day on the worked example's pool; an override given as undefined keeps the default. */
export function day(overrides: Partial<DayInput> = {}): DayInput {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return {
    day: '2026-01-15',
    rows: [],
    pools: [makePool()],
    fixedCosts: [],
    idlePolicy: 'share',
    reviewerUsdPerHour: () => DEFAULT_REVIEWER_USD_PER_HOUR,
    ...given,
  };
}

/** Allocations as "team/class/model/pool kind:source = 12-decimal USD" lines, easy to read in a diff. */
export const lines = (allocations: readonly Allocation[]) =>
  allocations.map(
    (a) =>
      `${a.team}/${a.workloadClass}/${a.model}/${a.pool} ${a.kind}:${a.source} L${a.layer} = ${picoToUsd(a.amount, 12)}`,
  );
