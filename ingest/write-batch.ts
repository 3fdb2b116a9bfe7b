import type { Database } from '../db/client';
import {
  copyEventRows,
  eventKey,
  eventRowsInKeyOrder,
  insertNewEvents,
  isDeadlock,
  isUniqueViolation,
} from '../db/writes/events';
import {
  beginDeferredBatch,
  beginImmediateBatch,
  deferredBatchSql,
  isStaleBook,
  writePendingMarker,
  type PendingMarker,
} from '../db/writes/pending';
import { deltasForFold, mergeDeltas } from '../db/writes/staging';
import { priceEvent } from '../lib/costing/direct';
import type { PriceBook } from '../lib/costing/pricebook';
import type { CutEvent } from '../lib/events/event';
import { dayNumber } from '../lib/reporting-day';
import { aggregateBatch, type BatchDeltas, type PricedEvent } from '../lib/rollup/aggregate';
import { holdDeltas, newBatchToken, releaseDeltas } from '../costing/held-deltas';

/**
 * `now`: the batch's rollups and workflows are merged in its own transaction. `later`: a pending
 * row is written beside its events and its deltas are held in memory for the folder
 * (costing/fold.ts), which merges many batches at once; the request path uses this, and every
 * read folds first.
 */
export type FoldMode = 'now' | 'later';

export interface BatchContext {
  book: PriceBook;
  dayOf: (at: Date) => string;
  /** the price-book version `book` was loaded at; a newer one in the database means re-price */
  version: number;
  /** loads a fresh context when the stored version moved on (omit to fail instead) */
  reload?: () => Promise<BatchContext>;
}

export interface BatchResult {
  accepted: number;
  duplicates: number;
  /** the events that were new, priced: what the costing engine's follow-up works from */
  stored: PricedEvent[];
}

/**
 * Stores a batch of validated events atomically. This is where the costing engine meets ingest:
 * each event is priced with the book in force at its timestamp, only ids not seen before (in
 * this batch or earlier) are kept, and what they add to the daily rollups and their workflows is
 * merged in the same transaction or (fold `later`) left to the folder by a row written in it, so a
 * figure never counts an event that is not stored, or twice.
 */
export async function writeEventBatch(
  db: Database,
  events: readonly CutEvent[],
  ctx: BatchContext,
  options: { fold?: FoldMode } = {},
): Promise<BatchResult> {
  const stored = await storeWithRetries(db, uniqueEvents(events), ctx, options.fold ?? 'now');
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

async function storeWithRetries(
  db: Database,
  events: readonly CutEvent[],
  ctx: BatchContext,
  fold: FoldMode,
): Promise<PricedEvent[]> {
  // Inside an outer transaction a failed statement would doom it, so only the safe path is used.
  const firstMode = db.inTransaction ? 'staged' : 'direct';
  let mode: 'direct' | 'staged' = firstMode;
  let priced = events.map((event) => ({ event, cost: priceEvent(event, ctx.book) }));
  for (let deadlocks = 0; ;) {
    try {
      return await db.transaction((tx) => storeBatch(tx, priced, ctx, mode, fold));
    } catch (err) {
      if (isStaleBook(err) && ctx.reload) {
        ctx = await ctx.reload();
        priced = events.map((event) => ({ event, cost: priceEvent(event, ctx.book) }));
        mode = firstMode;
        continue;
      }
      if (db.inTransaction) throw err;
      // One of these ids is stored already (a re-send), or a concurrent batch stored it first.
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

/** The batch's reporting days, as day numbers (each day's text is parsed once, not once per event). */
const daysOf = (priced: readonly PricedEvent[], ctx: BatchContext) =>
  [...new Set(priced.map((p) => ctx.dayOf(p.event.timestamp)))].map(dayNumber);

/**
 * A batch's pending row. Its deltas are held under the row's token: summed once, when `deltas` is
 * first called (while the server stores the batch's rows, or else when the folder takes them).
 */
function pendingMarker(
  priced: readonly PricedEvent[],
  days: readonly number[],
  deltas: () => BatchDeltas,
): PendingMarker {
  // In milliseconds: comparing Dates converts both to numbers on every comparison.
  let from = priced[0]!.event.timestamp.getTime();
  let to = from;
  for (const { event } of priced) {
    const at = event.timestamp.getTime();
    if (at < from) from = at;
    else if (at > to) to = at;
  }
  const token = newBatchToken();
  holdDeltas(token, deltas);
  return { days, token, fromTs: new Date(from), toTs: new Date(to) };
}

/**
 * A batch's deltas, summed (and their workflows' staging text written) at the first call and
 * kept. The events are let go once summed: held until a fold, they would outlive the request.
 */
function summedOnce(priced: readonly PricedEvent[], ctx: BatchContext): () => BatchDeltas {
  let events: readonly PricedEvent[] | null = priced;
  let summed: BatchDeltas | undefined;
  return () => {
    if (!summed) {
      summed = deltasForFold(events!, ctx.dayOf);
      events = null;
    }
    return summed;
  };
}

async function storeBatch(
  tx: Database,
  unique: readonly PricedEvent[],
  ctx: BatchContext,
  mode: 'direct' | 'staged',
  fold: FoldMode,
): Promise<PricedEvent[]> {
  const days = daysOf(unique, ctx);
  if (fold === 'later' && mode === 'direct') {
    // Every event is taken to be new (a re-send fails the COPY and comes back staged). The checks
    // and the pending row go with the COPY, so costing adds no round trip to it; the deltas are
    // summed while the server stores the rows, a wait the request has anyway.
    const deltas = summedOnce(unique, ctx);
    const marker = pendingMarker(unique, days, deltas);
    try {
      await copyEventRows(tx, eventRowsInKeyOrder(unique), {
        meanwhile: deltas,
        first: deferredBatchSql({ days, version: ctx.version, marker }),
      });
    } catch (err) {
      releaseDeltas(marker.token);
      throw err;
    }
    return [...unique];
  }
  if (fold === 'later') await beginDeferredBatch(tx, { days, version: ctx.version });
  else await beginImmediateBatch(tx, days, ctx.version);
  const fresh = await insertNewEvents(tx, unique, mode);
  const kept =
    fresh.size === unique.length ? unique : unique.filter((p) => fresh.has(eventKey(p.event.team, p.event.id)));
  if (kept.length === 0) return [];
  if (fold === 'later') {
    const marker = pendingMarker(kept, daysOf(kept, ctx), summedOnce(kept, ctx));
    try {
      await writePendingMarker(tx, marker);
    } catch (err) {
      releaseDeltas(marker.token);
      throw err;
    }
  } else {
    await mergeDeltas(tx, aggregateBatch(kept, ctx.dayOf));
  }
  return [...kept];
}
