import type { Database } from '../db/client';
import { lockDaysShared } from '../db/day-locks';
import { getPricebookVersion } from '../db/queries/settings';
import { eventKey, insertNewEvents, isUniqueViolation } from '../db/writes/events';
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
  const seen = new Set<string>();
  const unique: CutEvent[] = [];
  for (const event of events) {
    const key = eventKey(event.team, event.id);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(event);
  }
  const stored = await storeWithRetries(db, unique, ctx);
  return { accepted: stored.length, duplicates: events.length - stored.length, stored };
}

async function storeWithRetries(db: Database, events: readonly CutEvent[], ctx: BatchContext): Promise<PricedEvent[]> {
  const priced = events.map((event) => ({ event, cost: priceEvent(event, ctx.book) }));
  const store = (mode: 'direct' | 'staged') => db.transaction((tx) => storeBatch(tx, priced, ctx, mode));
  try {
    // Inside an outer transaction a failed statement would doom it, so only the safe path is used.
    return await store(db.inTransaction ? 'staged' : 'direct');
  } catch (err) {
    if (err instanceof StaleBookError && ctx.reload) return storeWithRetries(db, events, await ctx.reload());
    // A concurrent batch stored some of these ids between our look-up and our COPY.
    if (!isUniqueViolation(err) || db.inTransaction) throw err;
    return store('staged');
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
