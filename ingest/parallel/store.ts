import type { Database } from '../../db/client';
import { copyEventRows, isDeadlock, isUniqueViolation } from '../../db/writes/events';
import { deferredBatchSql, isStaleBook } from '../../db/writes/pending';
import { holdDeltas, newBatchToken, releaseDeltas } from '../../costing/held-deltas';
import type { IngestResult } from '../native/batch';
import type { PreparedBatch } from './prepare';

/**
 * Writes a prepared batch in one transaction, the statements `writeEventBatch` runs in its
 * `direct` mode with fold `later`. The text assumes every event is new and priced under the
 * current book, so when some event is stored already or the book changed, nothing is written and
 * the answer is null: the caller then takes the ordinary path, which sorts those cases out.
 */
export async function storePreparedBatch(db: Database, batch: PreparedBatch): Promise<IngestResult | null> {
  const result = { accepted: batch.unique, duplicates: batch.valid - batch.unique, rejected: batch.rejected };
  if (batch.unique === 0) return result;
  // Inside an outer transaction a failed COPY would doom it: the ordinary path stages instead.
  if (db.inTransaction) return null;
  const token = newBatchToken();
  holdDeltas(token, () => batch.deltas);
  try {
    const marker = { days: batch.days, token, fromTs: batch.fromTs, toTs: batch.toTs };
    // No look-up of stored ids first: a re-sent id fails the COPY (a unique violation, below),
    // which costs one wasted COPY on a rare re-send instead of a probe on every batch.
    await db.transaction((tx) => copyEventRows(tx, batch.eventRows, { first: deferredBatchSql({ ...batch, marker }) }));
    return result;
  } catch (err) {
    releaseDeltas(token);
    // Undone as a whole: the ordinary path sorts out the race for an id, a changed price book and a deadlock.
    if (isUniqueViolation(err) || isDeadlock(err) || isStaleBook(err)) return null;
    throw err;
  }
}
