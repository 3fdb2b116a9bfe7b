import { eventRow, sortByKey } from '../../db/writes/events';
import { priceEvent } from '../../lib/costing/direct';
import type { PriceBook } from '../../lib/costing/pricebook';
import { dayNumber } from '../../lib/reporting-day';
import type { BatchDeltas } from '../../lib/rollup/aggregate';
import { envelopeItems, type Rejection } from '../native/batch';
import type { IngestScope } from '../native/events';
import { validateEvents } from '../native/validate';
import { uniqueEvents } from '../write-batch';
import { deltasForFold } from '../../db/writes/staging';

/** What pricing and encoding a batch needs: the price book, the reporting day, the book's version. */
export interface PrepareContext {
  book: PriceBook;
  dayOf: (at: Date) => string;
  version: number;
}

/**
 * A native events request worked out up to the database: validated, priced and encoded as the
 * COPY text `writeEventBatch` would write if none of its events were stored yet. Plain data, so
 * a worker thread can make it and hand it to the thread that owns the database connection.
 */
export interface PreparedBatch {
  /** items in the request's envelope */
  items: number;
  /** in item order */
  rejected: Rejection[];
  /** events that passed validation, repeats within the batch included */
  valid: number;
  /** distinct (team, id) among the valid events: what is stored */
  unique: number;
  /** the price-book version the events were priced under */
  version: number;
  /** reporting days of the events, as day numbers, to lock */
  days: number[];
  eventRows: string;
  /** what the batch adds to the rollups and workflows: held for the folder (structured-cloneable) */
  deltas: BatchDeltas;
  /** the earliest and latest event timestamps */
  fromTs: Date;
  toTs: Date;
}

/**
 * Prepares a request body, or returns null when the body is not a well-formed `{"events": [...]}`
 * envelope: the caller then takes the ordinary path, which reports exactly what is wrong with it.
 */
export function prepareEventBatch(body: Uint8Array, scope: IngestScope, ctx: PrepareContext): PreparedBatch | null {
  let items: unknown[];
  try {
    // Decoded as read-body.ts's parseJson decodes it, so odd bytes become the same text.
    items = envelopeItems(
      JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')),
      'events',
    );
  } catch {
    return null;
  }
  const { valid, rejected } = validateEvents(items, scope);
  // As writeEventBatch does: first of each key, priced, aggregated in arrival order, written in key order.
  const unique = uniqueEvents(valid.map((v) => v.event));
  const priced = unique.map((event) => ({ event, cost: priceEvent(event, ctx.book) }));
  const sorted = sortByKey(priced);
  const deltas = deltasForFold(priced, ctx.dayOf);
  return {
    items: items.length,
    rejected,
    valid: valid.length,
    unique: unique.length,
    version: ctx.version,
    // Every event lands in a rollup row of its day, so the rows name the same days, fewer times.
    days: [...new Set(deltas.rollups.map((r) => dayNumber(r.day)))],
    eventRows: sorted.map(eventRow).join(''),
    deltas,
    // Sorted by key, not time: the span is looked for.
    fromTs: new Date(Math.min(...sorted.map((p) => p.event.timestamp.getTime()))),
    toTs: new Date(Math.max(...sorted.map((p) => p.event.timestamp.getTime()))),
  };
}
