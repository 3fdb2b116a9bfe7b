/**
 * Fills the database through the product's write path (pricing, rollups, workflows per batch),
 * sequentially in large batches, and then settles every day. Stops early only when the measured
 * rate says the full load would take far longer than the machine's budget.
 */
import type { Database } from '../../../db/client';
import { settleDays } from '../../../costing/settle';
import { getIngestContext } from '../../../ingest/context';
import { writeEventBatch } from '../../../ingest/write-batch';
import type { DemoData } from '../../../lib/demo/generate';
import type { CutEvent } from '../../../lib/events/event';
import { assertNotInterrupted } from './cleanup';
import { formatInt, seconds } from './report';

const BATCH = 20_000;
/** The rate is judged on this many events: enough for the tables to have outgrown the caches' warm start. */
const PROBE_EVENTS = 1_000_000;
const PROGRESS_EVERY = 500_000;
/** What the whole load may take on this 2-core machine before it is worth a warning. */
const LOAD_BUDGET_MS = 12 * 60_000;
/** Beyond this multiple of the budget the load stops: the figures at the size reached are reported instead. */
const STOP_FACTOR = 2.5;

export interface LoadFigures {
  planned: number;
  loaded: number;
  ms: number;
  /** why the load stopped short of `planned`, or null */
  stoppedBecause: string | null;
  /** the reporting days that hold data (the load runs in time order, so a short load ends early) */
  first: string;
  last: string;
}

export async function loadEvents(db: Database, demo: DemoData, log: (line: string) => void): Promise<LoadFigures> {
  const planned = demo.totalEvents;
  const started = performance.now();
  let loaded = 0;
  // Small development runs still print a few progress lines.
  const every = Math.max(BATCH, Math.min(PROGRESS_EVERY, Math.round(planned / 5)));
  let nextProgress = every;
  let last = { loaded: 0, ms: 0 };
  let judged = false;
  let stoppedBecause: string | null = null;
  let batch: CutEvent[] = [];

  const flush = async () => {
    const { accepted } = await writeEventBatch(db, batch, await getIngestContext(db));
    if (accepted !== batch.length) throw new Error(`a batch of ${batch.length} new events stored only ${accepted}`);
    loaded += batch.length;
    batch = [];
  };

  for (const event of demo.events()) {
    batch.push(event);
    if (batch.length < BATCH) continue;
    await flush();
    assertNotInterrupted();
    if (loaded < nextProgress) continue;
    nextProgress += every;
    const ms = performance.now() - started;
    const projected = (ms / loaded) * planned;
    // The latest stretch's rate shows whether the load slows as the tables grow.
    const recent = (loaded - last.loaded) / ((ms - last.ms) / 1000);
    last = { loaded, ms };
    log(
      `loaded ${formatInt(loaded)} / ${formatInt(planned)} in ${seconds(ms)}: ${formatInt(loaded / (ms / 1000))} events/s ` +
        `(latest ${formatInt(recent)}), whole load projected at ${minutes(projected)}`,
    );
    if (loaded < PROBE_EVENTS) continue;
    if (!judged) {
      judged = true;
      log(
        projected > LOAD_BUDGET_MS
          ? `NOTE: at this rate loading ${formatInt(planned)} events takes ~${minutes(projected)}, over the ` +
              `${minutes(LOAD_BUDGET_MS)} budget; continuing unless it passes ${STOP_FACTOR}x the budget`
          : `at this rate the whole load fits the ${minutes(LOAD_BUDGET_MS)} budget`,
      );
    }
    if (projected > STOP_FACTOR * LOAD_BUDGET_MS) {
      stoppedBecause =
        `projected ${minutes(projected)} for ${formatInt(planned)} events, over ${STOP_FACTOR}x the ` +
        `${minutes(LOAD_BUDGET_MS)} budget`;
      break;
    }
  }
  if (!stoppedBecause && batch.length) await flush();
  const ms = performance.now() - started;

  const [span] = await db.query<{ first: string; last: string }>(
    `select min(day)::text as first, max(day)::text as last from daily_rollups`,
  );
  if (!span?.first) throw new Error('nothing was loaded');
  return { planned, loaded, ms, stoppedBecause, first: span.first, last: span.last };
}

/** Settles every loaded day (workflow figures, idle capacity, fixed costs, review time). */
export async function settleAll(db: Database, span: { first: string; last: string }) {
  const started = performance.now();
  const days = await settleDays(db, { from: span.first, to: span.last });
  return { days, ms: performance.now() - started };
}

const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
