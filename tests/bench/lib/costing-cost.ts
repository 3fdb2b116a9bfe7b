/**
 * What costing costs ingest, per 1,000-event batch, on the loaded database. Three passes over
 * three sets of events that differ only in their ids, each set in halves, run half by half in turn
 * (on, off, floor, on, off, floor) so that all three see much the same background:
 * - on: the product's ingest of a request body (ingestEventBody: parse, validate, dedupe, price,
 *   lock days, COPY events, name them for the folder, commit), batch after batch as one client
 *   sends them, each followed by `scheduleFold` as the route calls it; the folder runs beside
 *   ingest as it does in the server, and the clock stops only when every batch is folded
 *   (`drainFolds`). On a traced handle, so the report can say which statements the time went to;
 * - off: the same ingest with costing taken out: the same parse, validation, dedupe and atomic
 *   COPY of the events, written by the product's own functions, with no price, rollup or lock;
 * - floor: the product's COPY text of the events alone, COPYed outside any transaction: the
 *   least any ingest could do, to show how far the whole path is from it.
 */
import { drainFolds, scheduleFold } from '../../../costing/fold';
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
import { startPhase, type PhaseCpu } from './phase-cpu';
import { productCopyText } from './product-copy-text';
import { byLabel, traced } from './traced-db';

export interface CostingCostFigures {
  events: number;
  batch: number;
  /** this process's JS heap in use as the passes began (the bench's own inputs are bytes by then) */
  heapUsedMb: number;
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
  /** the folder's statements' time, spent beside ingest */
  foldMs: number;
  /** CPU of this process and of the database's backends, per pass: what each costs the machine */
  cpu: { on: PhaseCpu; off: PhaseCpu; floor: PhaseCpu };
  /** off / on by CPU spent (this process + the database's backends): the ratio with no spare core */
  cpuRatio: number;
  /** where the on pass waited on the database, by statement; the rest of onMs is Node */
  onStatements: ReturnType<typeof byLabel>;
}

export interface CostingSets {
  on: readonly CutEvent[];
  off: readonly CutEvent[];
  floor: readonly CutEvent[];
  /**
   * Sent through the on and the off path before any clock starts, and not measured: each path's
   * code is then compiled by the JIT before it is timed, not during the first pass to run it.
   */
  warm: { on: readonly CutEvent[]; off: readonly CutEvent[] };
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

/**
 * How the folder's statements begin (costing/fold.ts, db/writes/staging.ts): its look for batches,
 * its staging tables made ready and its claim, its staging, the new workflows' COPY, its merge and
 * the early outcomes' update.
 */
const FOLD_STATEMENTS = [
  'select seq, days, token from pending_batches',
  'create temp table if not exists',
  'delete from pending_batches',
  'copy rollups_stage',
  'copy workflows', // the new workflows' COPY and the staged ones'
  'savepoint new_workflows',
  'rollback to savepoint new_workflows',
  'insert into teams',
  'update workflows w set acceptance_status',
];

const cpuOf = (p: PhaseCpu) => p.nodeCpuS + p.dbCpuS;

/** Halves each set is run in, in turn with the other sets' halves. */
const PARTS = 2;

const addCpu = (a: PhaseCpu | null, b: PhaseCpu): PhaseCpu =>
  a
    ? {
        wallS: a.wallS + b.wallS,
        nodeCpuS: a.nodeCpuS + b.nodeCpuS,
        dbCpuS: a.dbCpuS + b.dbCpuS,
        machineBusyPct: (a.machineBusyPct + b.machineBusyPct) / 2,
      }
    : b;

/** The requests and the COPY texts the passes send, made before any clock: a client's work. */
interface Inputs {
  events: number;
  pricingMs: number;
  /** per batch: the on and off passes' request bodies, the floor pass's COPY text */
  on: Buffer[];
  off: Buffer[];
  floor: Awaited<ReturnType<typeof productCopyText>>[];
  warm: { on: Buffer[]; off: Buffer[] };
}

/**
 * Everything the passes send, as bytes and text: the events themselves are let go before the
 * clocks, as a server never holds its clients' events; held, their 300,000-odd objects would
 * make every full collection of the measured process slower, and the passes' figures noisier.
 */
async function prepareInputs(db: Database, sets: CostingSets, batch: number): Promise<Inputs> {
  const { on, off, floor } = sets;
  if (on.length !== off.length || on.length !== floor.length) throw new Error('the three sets differ in size');
  const batches = (set: readonly CutEvent[]) => {
    const made: CutEvent[][] = [];
    for (let i = 0; i < set.length; i += batch) made.push(set.slice(i, i + batch));
    return made;
  };
  const { book } = await getIngestContext(db);
  const started = performance.now();
  const priced = floor.map((event) => ({ event, cost: priceEvent(event, book) }));
  const pricingMs = performance.now() - started;
  const texts = [];
  for (let i = 0; i < priced.length; i += batch) texts.push(await productCopyText(priced.slice(i, i + batch)));
  return {
    events: on.length,
    pricingMs,
    on: batches(on).map(body),
    off: batches(off).map(body),
    floor: texts,
    warm: { on: batches(sets.warm.on).map(body), off: batches(sets.warm.off).map(body) },
  };
}

/** `sets` is called once, and what it returns is let go once turned into the passes' inputs. */
export async function measureCostingCost(
  db: Database,
  sets: () => CostingSets,
  batch: number,
): Promise<CostingCostFigures> {
  const inputs = await prepareInputs(db, sets(), batch);
  let foldError: unknown = null;
  const onError = (err: unknown) => (foldError ??= err);
  for (const request of inputs.warm.on) {
    await ingestEventBody(db, request, SCOPE);
    scheduleFold(db, onError);
  }
  await drainFolds(db);
  for (const request of inputs.warm.off) await ingestWithoutCosting(db, request);

  // A full collection now (the npm script passes --expose-gc), so that no pass pays for collecting
  // the bench's own inputs, which were made just before.
  (globalThis as { gc?: () => void }).gc?.();
  const heapUsedMb = process.memoryUsage().heapUsed / 2 ** 20;
  const { db: tracing, log } = traced(db);
  const clocks = { on: 0, off: 0, floor: 0 };
  const cpu: Record<keyof typeof clocks, PhaseCpu | null> = { on: null, off: null, floor: null };
  /** Runs one pass over batches [from, to), on the clock and the CPU meters of `pass`. */
  const timed = async (pass: keyof typeof clocks, from: number, to: number, run: (b: number) => Promise<void>) => {
    const phase = await startPhase(db);
    const startedAt = performance.now();
    for (let b = from; b < to; b++) await run(b);
    if (pass === 'on') await drainFolds(tracing);
    clocks[pass] += performance.now() - startedAt;
    cpu[pass] = addCpu(cpu[pass], await phase());
  };
  const expected = (b: number) => Math.min(batch, inputs.events - b * batch);
  const count = inputs.on.length;
  const part = Math.ceil(count / PARTS);
  for (let from = 0; from < count; from += part) {
    const to = Math.min(count, from + part);
    await timed('on', from, to, async (b) => {
      const { result } = await ingestEventBody(tracing, inputs.on[b]!, SCOPE);
      scheduleFold(tracing, onError);
      if (result.accepted !== expected(b))
        throw new Error(`costing on: ${result.accepted} of ${expected(b)} events stored`);
    });
    await timed('off', from, to, async (b) => {
      const stored = await ingestWithoutCosting(db, inputs.off[b]!);
      if (stored !== expected(b)) throw new Error(`costing off: ${stored} of ${expected(b)} events stored`);
    });
    await timed('floor', from, to, async (b) => {
      const text = inputs.floor[b]!;
      await db.copyFrom('events', text.columns, text.rows);
    });
  }
  if (foldError) throw foldError;
  const statements = byLabel(log);
  const fold = statements.filter((s) => FOLD_STATEMENTS.some((start) => s.label.startsWith(start)));
  const perS = (ms: number) => inputs.events / (ms / 1000);
  return {
    events: inputs.events,
    batch,
    heapUsedMb,
    onMs: clocks.on,
    offMs: clocks.off,
    floorMs: clocks.floor,
    pricingMs: inputs.pricingMs,
    onPerS: perS(clocks.on),
    offPerS: perS(clocks.off),
    floorPerS: perS(clocks.floor),
    ratio: clocks.off / clocks.on,
    floorRatio: clocks.floor / clocks.on,
    folds: fold.find((s) => s.label.startsWith('delete from pending_batches'))?.calls ?? 0,
    foldMs: fold.reduce((n, s) => n + s.ms, 0),
    cpu: { on: cpu.on!, off: cpu.off!, floor: cpu.floor! },
    cpuRatio: cpuOf(cpu.off!) / cpuOf(cpu.on!),
    onStatements: statements,
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
