import type { Database } from '../db/client';
import { getPriceBook } from '../db/queries/pricebook';
import { getPricebookVersion, getSettings } from '../db/queries/settings';
import { insertPriceBook } from '../db/writes/pricebook';
import { insertOutcomes } from '../db/writes/outcomes';
import { generateDemo } from '../lib/demo/generate';
import type { CutEvent } from '../lib/events/event';
import { reportingDayFormatter } from '../lib/reporting-day';
import { writeEventBatch } from './write-batch';

const DEMO_SEED = 20261122;
const CHUNK = 5_000;

export interface DemoLoadOptions {
  now: Date;
  log?: (line: string) => void;
  /** scale knob for tests; the product's default is the generator's */
  eventsPerDay?: number;
  days?: number;
}

export interface DemoLoadResult {
  events: number;
  workflows: number;
  outcomes: number;
  ms: number;
}

/** Whether the database has neither telemetry nor a price book: only then is demo data loaded. */
async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.query<{ used: boolean }>(
    `select exists(select 1 from events) or exists(select 1 from model_prices) or exists(select 1 from gpu_pools) as used`,
  );
  return !row?.used;
}

/**
 * Loads the seeded demo (90 days ending today) in one transaction, so a crash mid-way leaves the
 * database empty and the next start tries again, rather than half a demo.
 */
export async function loadDemoIfEmpty(db: Database, opts: DemoLoadOptions): Promise<DemoLoadResult | null> {
  if (!(await isEmpty(db))) return null;
  const started = Date.now();
  const endDate = new Date(Date.UTC(opts.now.getUTCFullYear(), opts.now.getUTCMonth(), opts.now.getUTCDate()));
  const days = opts.days ?? 90;
  const demo = generateDemo({ seed: DEMO_SEED, endDate, days, eventsPerDay: opts.eventsPerDay });
  opts.log?.(`cut: loading demo data (${days} days ending ${endDate.toISOString().slice(0, 10)})...`);

  const result = await db.transaction(async (tx) => {
    await insertPriceBook(tx, demo, 'demo');
    const book = await getPriceBook(tx);
    const version = await getPricebookVersion(tx);
    const dayOf = reportingDayFormatter((await getSettings(tx)).reporting_time_zone);
    let events = 0;
    let chunk: CutEvent[] = [];
    const flush = async () => {
      events += (await writeEventBatch(tx, chunk, { book, dayOf, version })).accepted;
      chunk = [];
    };
    for (const event of demo.events()) {
      chunk.push(event);
      if (chunk.length === CHUNK) await flush();
    }
    await flush();
    const outcomes = await insertOutcomes(tx, [...demo.outcomes()]);
    const [wf] = await tx.query<{ n: number }>('select count(*)::int as n from workflows');
    return { events, workflows: wf?.n ?? 0, outcomes };
  });
  return { ...result, ms: Date.now() - started };
}
