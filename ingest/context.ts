import type { Database } from '../db/client';
import { getPriceBook } from '../db/queries/pricebook';
import { getPricebookVersion, getSettings } from '../db/queries/settings';
import type { PriceBook } from '../lib/costing/pricebook';
import { reportingDayFormatter } from '../lib/reporting-day';
import type { Settings } from '../lib/settings';

export interface IngestContext {
  book: PriceBook;
  dayOf: (at: Date) => string;
  settings: Settings;
  /** the price-book version this context was loaded at */
  version: number;
}

const TTL_MS = 5_000;
const cache = new WeakMap<Database, { at: number; ctx: Promise<IngestContext> }>();

/**
 * The price book and settings a batch is priced with, reloaded at most every few seconds: loading
 * them per request would cost more than pricing the batch. Config writes call `invalidate`.
 */
export function getIngestContext(db: Database, now = Date.now()): Promise<IngestContext> {
  const hit = cache.get(db);
  if (hit && now - hit.at < TTL_MS) return hit.ctx;
  const ctx = (async () => {
    // The version is read first: a change landing meanwhile makes this context look stale, not fresh.
    const version = await getPricebookVersion(db);
    const [book, settings] = await Promise.all([getPriceBook(db), getSettings(db)]);
    return { book, settings, version, dayOf: reportingDayFormatter(settings.reporting_time_zone) };
  })();
  cache.set(db, { at: now, ctx });
  ctx.catch(() => cache.delete(db));
  return ctx;
}

export function invalidateIngestContext(db: Database): void {
  cache.delete(db);
}
