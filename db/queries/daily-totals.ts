import type { Database } from '../client';

export interface DailyTotalsParams {
  /** inclusive reporting days, YYYY-MM-DD */
  from: string;
  to: string;
  /** only these teams (an empty list matches nothing); absent: every team */
  teams?: readonly string[];
}

export interface DailyTotalsRow {
  day: string;
  requests: number;
  /** decimal USD strings */
  tcoUsd: string;
  l1Usd: string;
  l2Usd: string;
  l3Usd: string;
  l4Usd: string;
  baseUsd: string;
  unpriced: number;
}

/** Direct cost and requests per reporting day, from the rollups (never from raw events). */
export async function getDailyTotals(db: Database, params: DailyTotalsParams): Promise<DailyTotalsRow[]> {
  return db.query<DailyTotalsRow>(
    `select day::text as "day",
            sum(requests)::float8 as "requests",
            (sum(l1_usd) + sum(l2_usd) + sum(l3_usd) + sum(l4_usd))::text as "tcoUsd",
            sum(l1_usd)::text as "l1Usd", sum(l2_usd)::text as "l2Usd",
            sum(l3_usd)::text as "l3Usd", sum(l4_usd)::text as "l4Usd",
            sum(base_usd)::text as "baseUsd",
            sum(unpriced)::float8 as "unpriced"
       from daily_rollups
      where day between $1::date and $2::date
        and ($3::text[] is null or team = any($3::text[]))
      group by day
      order by day`,
    [params.from, params.to, params.teams ?? null],
  );
}

/** The first and last reporting day with data, or null on an empty database. */
export async function getDataRange(
  db: Database,
  teams?: readonly string[],
): Promise<{ from: string; to: string } | null> {
  const [row] = await db.query<{ from: string | null; to: string | null }>(
    `select min(day)::text as "from", max(day)::text as "to" from daily_rollups
      where $1::text[] is null or team = any($1::text[])`,
    [teams ?? null],
  );
  return row?.from && row.to ? { from: row.from, to: row.to } : null;
}
