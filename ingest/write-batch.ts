import type { Database } from '../db/client';
import { lockDaysShared } from '../db/day-locks';
import { getPricebookVersion } from '../db/queries/settings';
import { eventKey, insertNewEvents, isDeadlock, isUniqueViolation } from '../db/writes/events';
import { stageRollups } from '../db/writes/rollups';
import { MERGE_STAGED_SQL, prepareStaging } from '../db/writes/staging';
import { stageWorkflows } from '../db/writes/workflows';
import { priceEvent } from '../lib/costing/direct';
import type { PriceBook } from '../lib/costing/pricebook';
import type { CutEvent } from '../lib/events/event';
import { dayNumber } from '../lib/reporting-day';
import { aggregateRollups, aggregateWorkflows, type PricedEvent } from '../lib/rollup/aggregate';

export interface BatchContext {
  book: PriceBook;
  dayOf: (at: Date) => string;
  /** the price-book version `book` was loaded at; a newer one in the database means re-price */
  version: number;
  /** loads a fresh context when the stored version moved on (omit to fail instead) */
  reload?: () => Promise<BatchContext>;
}

/** The batch was priced under a price book that has changed since. */
class StaleBookError extends Error {}

export interface BatchResult {
  accepted: number;
  duplicates: number;
  /** the events that were new, priced: what the costing engine's follow-up works from */
  stored: PricedEvent[];
}

/**
 * Stores a batch of validated events atomically. This is where the costing engine meets ingest:
 * each event is priced with the book in force at its timestamp, only ids not seen before (in
 * this batch or earlier) are kept, and their costs are folded into the daily rollups and their
 * workflows in the same transaction, so a figure never counts an event that is not stored, or twice.
 */
export async function writeEventBatch(
  db: Database,
  events: readonly CutEvent[],
  ctx: BatchContext,
): Promise<BatchResult> {
  const stored = await storeWithRetries(db, uniqueEvents(events), ctx);
  return { accepted: stored.length, duplicates: events.length - stored.length, stored };
}

/** The first event of each (team, id) in a batch: a repeat within the batch is a duplicate. */
export function uniqueEvents(events: readonly CutEvent[]): CutEvent[] {
  const seen = new Set<string>();
  const unique: CutEvent[] = [];
  for (const event of events) {
    const key = eventKey(event.team, event.id);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(event);
  }
  return unique;
}

/** How often a batch is run again after PostgreSQL undid it to break a deadlock. */
const DEADLOCK_RETRIES = 3;

async function storeWithRetries(db: Database, events: readonly CutEvent[], ctx: BatchContext): Promise<PricedEvent[]> {
  // Inside an outer transaction a failed statement would doom it, so only the safe path is used.
  const firstMode = db.inTransaction ? 'staged' : 'direct';
  let mode: 'direct' | 'staged' = firstMode;
  let priced = events.map((event) => ({ event, cost: priceEvent(event, ctx.book) }));
  for (let deadlocks = 0; ;) {
    try {
      return await db.transaction((tx) => storeBatch(tx, priced, ctx, mode));
    } catch (err) {
      if (err instanceof StaleBookError && ctx.reload) {
        ctx = await ctx.reload();
        priced = events.map((event) => ({ event, cost: priceEvent(event, ctx.book) }));
        mode = firstMode;
        continue;
      }
      if (db.inTransaction) throw err;
      // A concurrent batch stored some of these ids between our look-up and our COPY.
      if (isUniqueViolation(err) && mode === 'direct') {
        mode = 'staged';
        continue;
      }
      // Two batches' merges met in opposite orders and PostgreSQL undid this one: it is safe to rerun.
      if (isDeadlock(err) && deadlocks++ < DEADLOCK_RETRIES) continue;
      throw err;
    }
  }
}

async function storeBatch(
  tx: Database,
  unique: readonly PricedEvent[],
  ctx: BatchContext,
  mode: 'direct' | 'staged',
): Promise<PricedEvent[]> {
  await prepareStaging(tx);
  await lockDaysShared(
    tx,
    unique.map((p) => dayNumber(ctx.dayOf(p.event.timestamp))),
  );
  if ((await getPricebookVersion(tx)) !== ctx.version) throw new StaleBookError();
  const fresh = await insertNewEvents(tx, unique, mode);
  const kept =
    fresh.size === unique.length ? unique : unique.filter((p) => fresh.has(eventKey(p.event.team, p.event.id)));
  if (kept.length === 0) return [];
  await stageRollups(tx, aggregateRollups(kept, ctx.dayOf));
  await stageWorkflows(
    tx,
    aggregateWorkflows(
      kept.map((p) => p.event),
      ctx.dayOf,
    ),
  );
  await tx.exec(MERGE_STAGED_SQL);
  return [...kept];
}
