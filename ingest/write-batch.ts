import type { Database } from '../db/client';
import { eventKey, insertNewEvents, registerSlugs } from '../db/writes/events';
import { addToRollups, upsertWorkflows } from '../db/writes/rollups';
import { priceEvent } from '../lib/costing/direct';
import type { PriceBook } from '../lib/costing/pricebook';
import type { CutEvent } from '../lib/events/event';
import { aggregateRollups, aggregateWorkflows, type PricedEvent } from '../lib/rollup/aggregate';

export interface BatchContext {
  book: PriceBook;
  dayOf: (at: Date) => string;
}

export interface BatchResult {
  accepted: number;
  duplicates: number;
  /** the events that were new, priced: what the costing engine's follow-up works from */
  stored: PricedEvent[];
}

/**
 * Stores a batch of validated events atomically: price each one, keep only ids not seen before
 * (in this batch or earlier), and fold the new ones into the daily rollups and workflows in the
 * same transaction, so a figure never counts an event that is not stored, or twice.
 */
export async function writeEventBatch(
  db: Database,
  events: readonly CutEvent[],
  ctx: BatchContext,
): Promise<BatchResult> {
  const seen = new Set<string>();
  const unique: PricedEvent[] = [];
  for (const event of events) {
    const key = eventKey(event.team, event.id);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push({ event, cost: priceEvent(event, ctx.book) });
  }
  const stored = await db.transaction(async (tx) => {
    await registerSlugs(tx, events);
    const fresh = await insertNewEvents(tx, unique);
    const kept =
      fresh.size === unique.length ? unique : unique.filter((p) => fresh.has(eventKey(p.event.team, p.event.id)));
    await addToRollups(tx, aggregateRollups(kept, ctx.dayOf));
    await upsertWorkflows(tx, aggregateWorkflows(kept.map((p) => p.event)));
    return kept;
  });
  return { accepted: stored.length, duplicates: events.length - stored.length, stored };
}
