import type { Database } from '../client';
import { lockDaysSharedSql } from '../day-locks';
import { prepareStaging } from './staging';

/** SQLSTATE raised when a batch was priced under a price book that has changed since. */
const STALE_BOOK_SQLSTATE = 'CUT01';

export const isStaleBook = (err: unknown) => (err as { code?: string } | null)?.code === STALE_BOOK_SQLSTATE;

/**
 * Fails the transaction when the stored price-book version is not `version`. Run after the day
 * locks, as a statement of its own, so its snapshot sees any change committed before they were held.
 */
function assertBookVersionSql(version: number): string {
  if (!Number.isSafeInteger(version)) throw new Error(`price-book version must be an integer: ${version}`);
  return `do $$ begin
    if coalesce((select value::text from settings where key = 'pricebook_version'), '0') <> '${version}' then
      raise exception 'the price book changed while the batch was priced' using errcode = '${STALE_BOOK_SQLSTATE}';
    end if;
  end $$`;
}

/** A text literal for a simple-protocol statement; `standard_conforming_strings` is set on beside it. */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Stores a batch's encoded deltas for the folder (costing/fold.ts). */
function insertPendingSql(days: readonly number[], deltas: string): string {
  if (!days.every(Number.isSafeInteger)) throw new Error(`day numbers must be integers: ${days.join(', ')}`);
  return `insert into pending_batches (days, deltas) values ('{${days.join(',')}}', ${literal(deltas)})`;
}

/**
 * The statements a deferred batch runs besides its events' COPY, in one round trip: its days
 * locked shared, the price-book version checked, and (when given) its deltas stored. Without
 * deltas, the staging tables are made ready instead, for a batch that must first learn which of
 * its events are new (`writePendingDeltas` then stores them).
 */
export async function beginDeferredBatch(
  tx: Database,
  batch: { days: readonly number[]; version: number; deltas?: string },
): Promise<void> {
  const checks = [lockDaysSharedSql(batch.days), assertBookVersionSql(batch.version)].filter(Boolean);
  if (batch.deltas === undefined) {
    await prepareStaging(tx, checks.join(';\n'));
    return;
  }
  await tx.exec(
    ['set local standard_conforming_strings = on', ...checks, insertPendingSql(batch.days, batch.deltas)].join(';\n'),
  );
}

export async function writePendingDeltas(tx: Database, days: readonly number[], deltas: string): Promise<void> {
  await tx.exec(`set local standard_conforming_strings = on;\n${insertPendingSql(days, deltas)}`);
}

/**
 * The same checks for a batch merged in its own transaction (`prepareStaging` + locks + version),
 * in one round trip.
 */
export const beginImmediateBatch = (tx: Database, days: readonly number[], version: number) =>
  prepareStaging(tx, [lockDaysSharedSql(days), assertBookVersionSql(version)].filter(Boolean).join(';\n'));

export interface PendingRow {
  seq: number;
  deltas: string;
}

/** Deletes the given batches and returns the ones that were still there, oldest first. */
export async function claimPendingBatches(tx: Database, seqs: readonly number[]): Promise<PendingRow[]> {
  const rows = await tx.query<{ seq: string | number; deltas: string }>(
    `delete from pending_batches where seq = any($1::bigint[]) returning seq, deltas`,
    [`{${seqs.join(',')}}`],
  );
  return rows.map((r) => ({ seq: Number(r.seq), deltas: r.deltas })).sort((a, b) => a.seq - b.seq);
}
