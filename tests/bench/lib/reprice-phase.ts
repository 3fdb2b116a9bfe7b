/**
 * Re-pricing history: a request's wall time until its job is done, as the product runs it
 * (inline when small, else the background runner, awaited here), then the settle it leaves behind.
 */
import type { Database } from '../../../db/client';
import { requestReprice, runQueuedJobs } from '../../../costing/reprice';
import { settleDays } from '../../../costing/settle';
import { filterSql, type KeyFilter } from '../../../db/queries/key-filter';
import { getRepricingJob } from '../../../db/queries/repricing-jobs';
import { insertPriceBook } from '../../../db/writes/pricebook';
import { bumpPricebookVersion } from '../../../db/writes/settings';
import { getIngestContext, invalidateIngestContext } from '../../../ingest/context';
import type { ModelPrice } from '../../../lib/costing/pricebook';

export interface RepriceFigures {
  label: string;
  fromDay: string;
  toDay: string;
  ms: number;
  /** events in the range the filter selects: what the job had to read and price */
  eventsInScope: number;
  /** the job's own count: events whose stored cost changed */
  repricedEvents: number;
  settleMs: number;
  settledDays: number;
}

/** The reporting days are UTC here (the default setting), so a day starts at its UTC midnight. */
const dayStart = (day: string) => `${day}T00:00:00Z`;

export async function timeReprice(
  db: Database,
  label: string,
  span: { fromDay: string; last: string },
  filter: KeyFilter,
): Promise<RepriceFigures> {
  const where = filterSql(filter, 2, 'events');
  const [scope] = await db.query<{ n: number }>(
    `select count(*)::float8 as n from events where ts >= $1::timestamptz and ${where.sql}`,
    [dayStart(span.fromDay), ...where.params],
  );
  const started = performance.now();
  const job = await requestReprice(db, { reason: `bench: ${label}`, fromDay: span.fromDay, filter });
  await runQueuedJobs(db); // joins the background run when the request did not run it inline
  const ms = performance.now() - started;
  const done = await getRepricingJob(db, job.id);
  if (done?.status !== 'done' || done.doneDays !== done.totalDays) {
    throw new Error(`re-pricing job ${job.id} ended ${done?.status} after ${done?.doneDays}/${done?.totalDays} days`);
  }
  // The dashboards read settled days: what the re-price left dirty is settled before the next read.
  const settleStarted = performance.now();
  const settledDays = await settleDays(db, { from: span.fromDay, to: span.last });
  return {
    label,
    fromDay: done.fromDay,
    toDay: done.toDay,
    ms,
    eventsInScope: scope?.n ?? 0,
    repricedEvents: done.repricedEvents,
    settleMs: performance.now() - settleStarted,
    settledDays,
  };
}

/** The managed model with the most events since `fromDay`, and the price version in force for it. */
export async function busiestManagedModel(db: Database, fromDay: string): Promise<ModelPrice> {
  const [top] = await db.query<{ provider: string; model: string }>(
    `select provider, model from events where ts >= $1::timestamptz and pool is null
      group by 1, 2 order by count(*) desc limit 1`,
    [dayStart(fromDay)],
  );
  if (!top) throw new Error(`no managed-API events since ${fromDay}`);
  const { book } = await getIngestContext(db);
  const price = book.modelPrice(top.provider, top.model, new Date(dayStart(fromDay)));
  if (!price) throw new Error(`${top.provider}/${top.model} has no price in force on ${fromDay}`);
  return price;
}

/**
 * A new version of `price` (input and output 20% dearer) in force from `fromDay`, stored and
 * versioned the way a price-book change is, so the events it covers really change cost.
 */
export async function raisePrice(db: Database, price: ModelPrice, fromDay: string): Promise<KeyFilter> {
  const dearer = (usd: bigint) => (usd * 6n) / 5n;
  await db.transaction(async (tx) => {
    await insertPriceBook(
      tx,
      {
        modelPrices: [
          {
            ...price,
            inputPer1m: dearer(price.inputPer1m),
            outputPer1m: dearer(price.outputPer1m),
            effectiveFrom: new Date(dayStart(fromDay)),
          },
        ],
      },
      'bench',
    );
    await bumpPricebookVersion(tx);
  });
  invalidateIngestContext(db);
  return { kind: 'model', provider: price.provider, model: price.model, match: price.match };
}
