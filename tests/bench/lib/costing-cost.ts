/**
 * What costing costs ingest, per 1,000-event batch, on the loaded database. Three passes over
 * three sets of events that differ only in their ids, run batch by batch in turn so that all
 * three see the same background (checkpoints, autovacuum, cache state):
 * - on: the product's ingest of a request body (ingestEventBody: parse, validate, dedupe, price,
 *   lock days, COPY events, store the batch's deltas, commit) plus, inside the same clock, the fold
 *   that merges them into rollups, workflows and dirty days, run as the server's folder runs it
 *   (FOLD_DELAY_MS of on-clock time after the first unfolded batch, and once at the end); on a
 *   traced handle, so the report can say which statements the difference goes to;
 * - off: the same ingest with costing taken out: the same parse, validation, dedupe and atomic
 *   COPY of the events, written by the product's own functions, with no price, rollup or lock;
 * - floor: the product's COPY text of the events alone, COPYed outside any transaction: the
 *   least any ingest could do, to show how far the whole path is from it.
 */
import { FOLD_DELAY_MS, foldPending } from '../../../costing/fold';
import type { Database } from '../../../db/client';
import { insertNewEvents } from '../../../db/writes/events';
import { getIngestContext } from '../../../ingest/context';
import { parseJson } from '../../../ingest/http/read-body';
import { envelopeItems } from '../../../ingest/native/batch';
import { ingestEventBody } from '../../../ingest/native/events';
import { validateEvents } from '../../../ingest/native/validate';
import { uniqueEvents } from '../../../ingest/write-batch';
import type { DirectCost } from '../../../lib/costing/direct';
import { priceEvent } from '../../../lib/costing/direct';
import type { CutEvent } from '../../../lib/events/event';
import { toWireEvent } from '../../../lib/events/wire';
import { productCopyText } from './product-copy-text';
import { byLabel, traced } from './traced-db';

export interface CostingCostFigures {
  events: number;
  batch: number;
  onMs: number;
  /** ingest with costing taken out */
  offMs: number;
  /** the COPY alone (encoding done before the clock) */
  floorMs: number;
  /** priceEvent alone: the pure CPU part of costing */
  pricingMs: number;
  onPerS: number;
  offPerS: number;
  floorPerS: number;
  /** on / off: the share of ingest throughput left with costing on (the issue's measure) */
  ratio: number;
  /** on / floor */
  floorRatio: number;
  /** folds the on pass ran, as the server's folder would have */
  folds: number;
  /** where the on pass waited on the database, by statement; the rest of onMs is Node */
  onStatements: ReturnType<typeof byLabel>;
}

export interface CostingSets {
  on: readonly CutEvent[];
  off: readonly CutEvent[];
  floor: readonly CutEvent[];
}

/** No cost at all: what an events row holds when nothing prices it. */
const NO_COST: DirectCost = { base: 0n, source: 'unpriced', pricebook: 0n, l1: 0n, l2: 0n, l3: 0n, l4: 0n };
const SCOPE = { team: null };

const body = (events: readonly CutEvent[]) => Buffer.from(JSON.stringify({ events: events.map(toWireEvent) }));

/** Ingest without costing: what the product would do if it only stored what it is sent. */
async function ingestWithoutCosting(db: Database, request: Buffer): Promise<number> {
  const { valid } = validateEvents(envelopeItems(parseJson(request), 'events'), SCOPE);
  const unique = uniqueEvents(valid.map((v) => v.event));
  const stored = await db.transaction((tx) =>
    insertNewEvents(
      tx,
      unique.map((event) => ({ event, cost: NO_COST })),
      'direct',
    ),
  );
  return stored.size;
}

export async function measureCostingCost(db: Database, sets: CostingSets, batch: number): Promise<CostingCostFigures> {
  const { on, off, floor } = sets;
  if (on.length !== off.length || on.length !== floor.length) throw new Error('the three sets differ in size');
  const { book } = await getIngestContext(db);
  let started = performance.now();
  const priced = floor.map((event) => ({ event, cost: priceEvent(event, book) }));
  const pricingMs = performance.now() - started;

  const { db: tracing, log } = traced(db);
  let onMs = 0;
  let offMs = 0;
  let floorMs = 0;
  let folds = 0;
  let unfoldedSince: number | null = null;
  for (let i = 0; i < on.length; i += batch) {
    // Request bodies are made before the clocks: a client's work, not the server's.
    const onBody = body(on.slice(i, i + batch));
    const offBody = body(off.slice(i, i + batch));
    const text = await productCopyText(priced.slice(i, i + batch));
    const expected = Math.min(batch, on.length - i);

    started = performance.now();
    const { result } = await ingestEventBody(tracing, onBody, SCOPE);
    onMs += performance.now() - started;
    unfoldedSince ??= onMs;
    if (onMs - unfoldedSince >= FOLD_DELAY_MS || i + batch >= on.length) {
      started = performance.now();
      folds += 1;
      await foldPending(tracing);
      onMs += performance.now() - started;
      unfoldedSince = null;
    }
    if (result.accepted !== expected) throw new Error(`costing on: ${result.accepted} of ${expected} events stored`);

    started = performance.now();
    const stored = await ingestWithoutCosting(db, offBody);
    offMs += performance.now() - started;
    if (stored !== expected) throw new Error(`costing off: ${stored} of ${expected} events stored`);

    started = performance.now();
    await db.copyFrom('events', text.columns, text.rows);
    floorMs += performance.now() - started;
  }
  const perS = (ms: number) => on.length / (ms / 1000);
  return {
    events: on.length,
    batch,
    onMs,
    offMs,
    floorMs,
    pricingMs,
    onPerS: perS(onMs),
    offPerS: perS(offMs),
    floorPerS: perS(floorMs),
    ratio: offMs / onMs,
    floorRatio: floorMs / onMs,
    folds,
    onStatements: byLabel(log),
  };
}

/**
 * Removes the rows the off and floor passes COPYed: they are in `events` but in no rollup, and a
 * later re-price would fold them in. `since` bounds the scan to the extra sets' window.
 */
export async function removeCopiedRows(db: Database, idPrefixes: readonly string[], since: Date): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `with gone as (delete from events where ts >= $1::timestamptz and id like any($2::text[]) returning 1)
     select count(*)::int as n from gone`,
    [since.toISOString(), `{${idPrefixes.map((p) => `${p}-%`).join(',')}}`],
  );
  return rows[0]?.n ?? 0;
}
