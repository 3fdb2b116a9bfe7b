import type { Database } from '../client';

/** The oldest pending batches (touching `day` when given) and the days they lock. */
export async function getPendingBatches(
  db: Database,
  limit: number,
  day?: number,
): Promise<Array<{ seq: number; days: number[]; token: string }>> {
  const rows = await db.query<{ seq: string | number; days: number[] | string; token: string }>(
    `select seq, days, token from pending_batches ${day === undefined ? '' : 'where $2::int = any(days)'}
      order by seq limit $1::int`,
    day === undefined ? [limit] : [limit, day],
  );
  return rows.map((r) => ({ seq: Number(r.seq), days: parseIntArray(r.days), token: r.token }));
}

export async function hasPendingBatches(db: Database): Promise<boolean> {
  const [row] = await db.query<{ any: boolean }>('select exists (select 1 from pending_batches) as any');
  return row?.any === true;
}

/** postgres.js parses int[] into numbers; PGlite may hand back the array literal. */
function parseIntArray(value: number[] | string): number[] {
  if (Array.isArray(value)) return value.map(Number);
  return value.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);
}
