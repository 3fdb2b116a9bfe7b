import type { Database } from './client';

/**
 * Transaction-scoped advisory locks per reporting day: ingest takes them shared (batches run side
 * by side), re-pricing a day takes it exclusive, so a day is never rebuilt from a read that a
 * concurrent batch then changes. Taken in day order so lockers cannot deadlock.
 */
const NAMESPACE = 4242;

export async function lockDaysShared(tx: Database, dayNumbers: readonly number[]): Promise<void> {
  if (dayNumbers.length === 0) return;
  const days = [...new Set(dayNumbers)].sort((a, b) => a - b);
  await tx.query(`select count(pg_advisory_xact_lock_shared(${NAMESPACE}, d)) from unnest($1::int[]) as d`, [
    `{${days.join(',')}}`,
  ]);
}

export async function lockDayExclusive(tx: Database, dayNumber: number): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(${NAMESPACE}, $1::int)`, [dayNumber]);
}
