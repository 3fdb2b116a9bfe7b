import type { Database } from '../client';

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
