import type { Database } from '../client';
import { lockDaysSharedSql } from '../day-locks';
import { prepareStaging } from './staging';

/** SQLSTATE raised when a batch was priced under a price book that has changed since. */
const STALE_BOOK_SQLSTATE = 'CUT01';

export const isStaleBook = (err: unknown) => (err as { code?: string } | null)?.code === STALE_BOOK_SQLSTATE;

/**
 * Fails the transaction (SQLSTATE CUT01, raised by a function of migration 0002) when the stored
 * price-book version is not `version`. Run after the day locks, as a statement of its own, so its
 * snapshot sees any change committed before they were held.
 */
function assertBookVersionSql(version: number): string {
  if (!Number.isSafeInteger(version)) throw new Error(`price-book version must be an integer: ${version}`);
  return `select cut_assert_pricebook_version('${version}')`;
}

/** What a pending batch's row says: its days, the token of its held deltas, its events' time span. */
export interface PendingMarker {
  days: readonly number[];
  token: string;
  fromTs: Date;
  toTs: Date;
}

/** Writes a batch's pending row (costing/fold.ts folds it); only this program's values go into it. */
function insertPendingSql(marker: PendingMarker): string {
  const { days, token } = marker;
  if (!days.every(Number.isSafeInteger)) throw new Error(`day numbers must be integers: ${days.join(', ')}`);
  if (!/^[0-9a-f]+:\d+$/.test(token)) throw new Error(`not a batch token: ${token}`);
  return `insert into pending_batches (days, token, from_ts, to_ts)
    values ('{${days.join(',')}}', '${token}', '${marker.fromTs.toISOString()}', '${marker.toTs.toISOString()}')`;
}

const batchChecks = (days: readonly number[], version: number) =>
  [lockDaysSharedSql(days), assertBookVersionSql(version)].filter(Boolean);

/**
 * What a deferred batch whose events are all taken to be new runs besides its events' COPY, and
 * sends with it (CopyOptions.first): its days locked shared, the price-book version checked, and
 * its pending row written.
 */
export const deferredBatchSql = (batch: { days: readonly number[]; version: number; marker: PendingMarker }) =>
  [...batchChecks(batch.days, batch.version), insertPendingSql(batch.marker)].join(';\n');

/**
 * Begins a deferred batch that must first learn which of its events are new: the same checks and
 * the staging tables made ready, in one round trip (`writePendingMarker` then writes its row).
 */
export const beginDeferredBatch = (tx: Database, batch: { days: readonly number[]; version: number }) =>
  prepareStaging(tx, batchChecks(batch.days, batch.version).join(';\n'));

export async function writePendingMarker(tx: Database, marker: PendingMarker): Promise<void> {
  await tx.exec(insertPendingSql(marker));
}

/**
 * The same checks for a batch merged in its own transaction (`prepareStaging` + locks + version),
 * in one round trip.
 */
export const beginImmediateBatch = (tx: Database, days: readonly number[], version: number) =>
  prepareStaging(tx, batchChecks(days, version).join(';\n'));

/** A claimed pending row: what is needed to find its deltas, held or summed again from its events. */
export interface ClaimedBatch {
  seq: number;
  token: string;
  fromTs: Date | null;
  toTs: Date | null;
  /** created_at as the database writes it (to the microsecond): its events' ingested_at */
  createdAt: string;
}

/** Deletes the given batches and returns the ones that were still there, oldest first. */
export async function claimPendingBatches(tx: Database, seqs: readonly number[]): Promise<ClaimedBatch[]> {
  const rows = await tx.query<{
    seq: string | number;
    token: string;
    from_ms: number | null;
    to_ms: number | null;
    created: string;
  }>(
    `delete from pending_batches where seq = any($1::bigint[])
     returning seq, token, (extract(epoch from from_ts) * 1000)::float8 as from_ms,
               (extract(epoch from to_ts) * 1000)::float8 as to_ms, created_at::text as created`,
    [`{${seqs.join(',')}}`],
  );
  const at = (ms: number | null) => (ms === null ? null : new Date(ms));
  return rows
    .map((r) => ({
      seq: Number(r.seq),
      token: r.token,
      fromTs: at(r.from_ms),
      toTs: at(r.to_ms),
      createdAt: r.created,
    }))
    .sort((a, b) => a.seq - b.seq);
}
