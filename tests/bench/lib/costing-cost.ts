/**
 * What costing costs ingest, per 1,000-event batch, on the loaded database:
 * - on: writeEventBatch (dedupe probe, pricing, day locks, COPY, rollups, workflows, dirty days, commit),
 *   on a traced handle so the report can say which statements the difference goes to;
 * - off: the same rows' COPY text, as the product encodes it, COPYed into `events` alone.
 * The two sets differ only in their ids. Batches alternate on/off, so both see the same
 * background (checkpoints, autovacuum, cache state).
 */
import type { Database } from '../../../db/client';
import { getIngestContext } from '../../../ingest/context';
import { writeEventBatch } from '../../../ingest/write-batch';
import { priceEvent } from '../../../lib/costing/direct';
import type { CutEvent } from '../../../lib/events/event';
import { productCopyText } from './product-copy-text';
import { byLabel, traced } from './traced-db';

export interface CostingCostFigures {
  events: number;
  batch: number;
  onMs: number;
  /** off = encode + COPY; pricing the rows for their cost columns happens before the clock */
  offMs: number;
  offEncodeMs: number;
  offCopyMs: number;
  /** priceEvent alone over the off set: the pure CPU part of costing */
  pricingMs: number;
  onPerS: number;
  offPerS: number;
  /** on / off: the share of throughput left with costing on */
  ratio: number;
  /** where the on pass waited on the database, by statement; the rest of onMs is Node */
  onStatements: ReturnType<typeof byLabel>;
}

export async function measureCostingCost(
  db: Database,
  on: readonly CutEvent[],
  off: readonly CutEvent[],
  batch: number,
): Promise<CostingCostFigures> {
  if (on.length !== off.length) throw new Error(`the on and off sets differ in size (${on.length}, ${off.length})`);
  const { book } = await getIngestContext(db);
  let started = performance.now();
  const priced = off.map((event) => ({ event, cost: priceEvent(event, book) }));
  const pricingMs = performance.now() - started;

  const { db: tracing, log } = traced(db);
  let onMs = 0;
  let offEncodeMs = 0;
  let offCopyMs = 0;
  for (let i = 0; i < on.length; i += batch) {
    started = performance.now();
    const slice = on.slice(i, i + batch);
    const { accepted } = await writeEventBatch(tracing, slice, await getIngestContext(db));
    onMs += performance.now() - started;
    if (accepted !== slice.length) throw new Error(`costing on: ${accepted} of ${slice.length} new events stored`);

    started = performance.now();
    const text = await productCopyText(priced.slice(i, i + batch));
    const encoded = performance.now();
    await db.copyFrom('events', text.columns, text.rows);
    offEncodeMs += encoded - started;
    offCopyMs += performance.now() - encoded;
  }
  const offMs = offEncodeMs + offCopyMs;
  const onPerS = on.length / (onMs / 1000);
  const offPerS = off.length / (offMs / 1000);
  return {
    events: on.length,
    batch,
    onMs,
    offMs,
    offEncodeMs,
    offCopyMs,
    pricingMs,
    onPerS,
    offPerS,
    ratio: onPerS / offPerS,
    onStatements: byLabel(log),
  };
}

/**
 * Removes the rows the off pass COPYed: they are in `events` but in no rollup, and a later
 * re-price would fold them in. `since` bounds the scan to the extra sets' window.
 */
export async function removeCopiedRows(db: Database, idPrefix: string, since: Date): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `with gone as (delete from events where ts >= $1::timestamptz and id like $2 returning 1)
     select count(*)::int as n from gone`,
    [since.toISOString(), `${idPrefix}-%`],
  );
  return rows[0]?.n ?? 0;
}
