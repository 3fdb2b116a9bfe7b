import { and, gte, isNull, lte, or } from 'drizzle-orm';
import type { WorkflowFact } from '../../lib/decisions/ledger';
import { parseDecimal } from '../../lib/money';
import type { Database } from '../client';
import { fixedCosts } from '../schema';
import { escapeForLine, unescapeLine } from './decision-calls';

export interface DayRangeParams {
  /** inclusive reporting days, YYYY-MM-DD */
  from: string;
  to: string;
}

/** Days of the range whose allocations are stored (settled): the days a what-if allocates again. */
export async function getSettledDaysBetween(db: Database, range: DayRangeParams): Promise<string[]> {
  const rows = await db.query<{ day: string }>(
    `select day::text as day from settled_days where day between $1::date and $2::date order by 1`,
    [range.from, range.to],
  );
  return rows.map((r) => r.day);
}

/** Fixed costs in force on at least one day of the range (not deleted); callers pick each day's. */
export async function getFixedCostsBetween(db: Database, range: DayRangeParams) {
  return db.orm
    .select()
    .from(fixedCosts)
    .where(
      and(
        isNull(fixedCosts.deletedAt),
        lte(fixedCosts.effectiveFrom, range.to),
        or(isNull(fixedCosts.effectiveTo), gte(fixedCosts.effectiveTo, range.from)),
      ),
    );
}

export type FixedCostRecord = Awaited<ReturnType<typeof getFixedCostsBetween>>[number];

/** The same rule as getActiveFixedCosts, for one day of an already loaded range. */
export const inForceOn = (f: FixedCostRecord, day: string): boolean =>
  f.effectiveFrom <= day && (f.effectiveTo === null || f.effectiveTo >= day);

export interface WorkflowFactsParams extends DayRangeParams {
  workloadClass: string | null;
}

/**
 * The workflows counted in the range (by the day of their last call) for a class, ordered by day,
 * team and id: what workflow_rollups sums, one workflow at a time.
 */
export async function getWorkflowFacts(db: Database, params: WorkflowFactsParams): Promise<WorkflowFact[]> {
  const [row] = await db.query<{ lines: string | null }>(
    `select string_agg(concat_ws(E'\\t', team, ${escapeForLine('workflow_id')}, day, workload_class,
              ${escapeForLine('model')}, ${escapeForLine('provider')}, ${escapeForLine('pool')}, acceptance_status,
              useful_output_tokens), E'\\n' order by day, team, workflow_id collate "C") as lines
       from workflows
      where day between $1::date and $2::date and ($3::text is null or workload_class = $3)`,
    [params.from, params.to, params.workloadClass],
  );
  if (!row?.lines) return [];
  return row.lines.split('\n').map((line) => {
    const f = line.split('\t');
    return {
      team: f[0]!,
      workflowId: unescapeLine(f[1]!),
      day: f[2]!,
      grain: {
        team: f[0]!,
        workloadClass: f[3]!,
        model: unescapeLine(f[4]!),
        provider: unescapeLine(f[5]!),
        pool: unescapeLine(f[6]!),
      },
      status: f[7] as WorkflowFact['status'],
      usefulNano: parseDecimal(f[8]!, 9),
    };
  });
}

/** A pool's reported use over a range, summed from the rollups: tokens and GPU time. */
export interface PoolUsage {
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  gpuNanoHours: bigint;
}

export async function getPoolUsage(db: Database, params: DayRangeParams & { pool: string }): Promise<PoolUsage> {
  const [row] = await db.query<Record<keyof PoolUsage, string>>(
    `select coalesce(sum(input_tokens), 0)::text as "inputTokens", coalesce(sum(cached_tokens), 0)::text as "cachedTokens",
            coalesce(sum(output_tokens), 0)::text as "outputTokens",
            coalesce(sum(reasoning_tokens), 0)::text as "reasoningTokens",
            coalesce(sum(gpu_hours), 0)::text as "gpuNanoHours"
       from daily_rollups where pool = $1 and day between $2::date and $3::date`,
    [params.pool, params.from, params.to],
  );
  return {
    inputTokens: Number(row?.inputTokens ?? 0),
    cachedTokens: Number(row?.cachedTokens ?? 0),
    outputTokens: Number(row?.outputTokens ?? 0),
    reasoningTokens: Number(row?.reasoningTokens ?? 0),
    gpuNanoHours: parseDecimal(row?.gpuNanoHours ?? '0', 9),
  };
}

/** Workload classes with calls in the range (the unallocated line is not one), by name. */
export async function getClassesBetween(db: Database, range: DayRangeParams): Promise<string[]> {
  const rows = await db.query<{ c: string }>(
    `select distinct workload_class as c from daily_rollups
      where day between $1::date and $2::date and workload_class <> '__unallocated__' and requests > 0
      order by 1`,
    [range.from, range.to],
  );
  return rows.map((r) => r.c);
}

/** Managed models called in the range, by provider and name. */
export async function getApiModelsBetween(db: Database, range: DayRangeParams) {
  return db.query<{ provider: string; model: string }>(
    `select distinct provider, model from daily_rollups
      where day between $1::date and $2::date and pool = '' and requests > 0 and model <> '__idle__' and model <> '__fixed__'
      order by 1, 2`,
    [range.from, range.to],
  );
}
