import type { Database } from './client';

/**
 * Transaction-scoped advisory locks per reporting day: ingest takes them shared (batches run side
 * by side), re-pricing a day takes it exclusive, so a day is never rebuilt from a read that a
 * concurrent batch then changes. Taken in day order so lockers cannot deadlock.
 */
const NAMESPACE = 4242;

/** The statement that locks `dayNumbers` shared; ingest sends it with others in one round trip. */
export function lockDaysSharedSql(dayNumbers: readonly number[]): string {
  if (dayNumbers.length === 0) return '';
  const days = [...new Set(dayNumbers)].sort((a, b) => a - b);
  if (!days.every(Number.isSafeInteger)) throw new Error(`day numbers must be integers: ${days.join(', ')}`);
  return `select count(pg_advisory_xact_lock_shared(${NAMESPACE}, d)) from unnest('{${days.join(',')}}'::int[]) as d`;
}

export async function lockDayExclusive(tx: Database, dayNumber: number): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(${NAMESPACE}, $1::int)`, [dayNumber]);
}
