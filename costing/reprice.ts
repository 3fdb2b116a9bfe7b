import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client';
import { lockDayExclusive } from '../db/day-locks';
import { eachEventForRepricing } from '../db/queries/events-for-repricing';
import { filterSql, type KeyFilter } from '../db/queries/key-filter';
import { getPriceBook } from '../db/queries/pricebook';
import { getEventDaySpan, getRepricingJob, nextQueuedJob, type RepricingJob } from '../db/queries/repricing-jobs';
import { getSettings } from '../db/queries/settings';
import { repricingJobs } from '../db/schema';
import { deleteRollups, resetDays, updateEventCosts, type RepricedRow } from '../db/writes/repricing';
import { stageRollups } from '../db/writes/rollups';
import { MERGE_ROLLUPS } from '../db/writes/rollups';
import { prepareStaging } from '../db/writes/staging';
import { foldPending } from './fold';
import { priceEvent } from '../lib/costing/direct';
import type { PriceBook } from '../lib/costing/pricebook';
import { dayFromNumber, dayNumber, daysBetween, startOfDay } from '../lib/reporting-day';
import { addToRollups, RollupRows } from '../lib/rollup/aggregate';
import { sameAsStored, storedValues } from './stored-cost';
import type { RepriceRequest } from './types';

/** Below this many affected events a change is re-priced before the request returns. */
const INLINE_MAX_EVENTS = 50_000;

/**
 * Queues a re-pricing of every day from `fromDay` to the last day with data, and runs it now when
 * it is small (the caller then reads figures that already include it) or in the background.
 */
export async function requestReprice(db: Database, req: RepriceRequest): Promise<RepricingJob> {
  const { reporting_time_zone: tz } = await getSettings(db);
  const span = await getEventDaySpan(db, tz);
  const fromDay =
    req.rebuildDays || !span ? (span?.first ?? req.fromDay) : req.fromDay > span.first ? req.fromDay : span.first;
  const toDay = span && span.last >= fromDay ? span.last : fromDay;
  const totalDays = span ? dayNumber(toDay) - dayNumber(fromDay) + 1 : 0;
  const [job] = await db.orm
    .insert(repricingJobs)
    .values({
      reason: req.reason,
      fromDay,
      toDay,
      filter: { ...req.filter, rebuildDays: req.rebuildDays ?? false },
      totalDays,
      status: totalDays === 0 ? 'done' : 'queued',
      finishedAt: totalDays === 0 ? new Date() : null,
    })
    .returning();
  if (totalDays === 0) return job!;
  const small = (await affectedEvents(db, fromDay, tz, req.filter)) <= INLINE_MAX_EVENTS;
  // A failed job is recorded on its row (status `failed`, with the error) for the caller to show;
  // the change itself has already been saved, so it must not surface as a failed request.
  const run = runQueuedJobs(db).catch(() => {});
  if (small) await run;
  return (await getRepricingJob(db, job!.id)) ?? job!;
}

async function affectedEvents(db: Database, fromDay: string, tz: string, filter: KeyFilter): Promise<number> {
  const where = filterSql(filter, 2, 'events');
  const [row] = await db.query<{ n: number }>(
    `select count(*)::float8 as n from (select 1 from events where ts >= $1::timestamptz and ${where.sql}
       limit ${INLINE_MAX_EVENTS + 1}) e`,
    [startOfDay(fromDay, tz).toISOString(), ...where.params],
  );
  return row?.n ?? 0;
}

let running: Promise<void> | null = null;

/** Runs queued jobs one at a time in this process; concurrent callers share the one run. */
export function runQueuedJobs(db: Database): Promise<void> {
  running ??= (async () => {
    try {
      for (let job = await nextQueuedJob(db); job; job = await nextQueuedJob(db)) await runJob(db, job);
    } finally {
      running = null;
    }
  })();
  return running;
}

async function runJob(db: Database, job: RepricingJob): Promise<void> {
  const set = (values: PgUpdateSetSource<typeof repricingJobs>) =>
    db.orm.update(repricingJobs).set(values).where(eq(repricingJobs.id, job.id));
  await set({ status: 'running', startedAt: new Date() });
  try {
    const { rebuildDays, ...filter } = job.filter as KeyFilter & { rebuildDays: boolean };
    const settings = await getSettings(db);
    if (rebuildDays) await db.transaction((tx) => resetDays(tx, settings.reporting_time_zone));
    const book = await getPriceBook(db);
    for (const day of daysBetween(job.fromDay, job.toDay)) {
      const repriced = await repriceDay(db, day, filter as KeyFilter, book, settings.reporting_time_zone);
      await set({
        doneDays: sql`${repricingJobs.doneDays} + 1`,
        repricedEvents: sql`${repricingJobs.repricedEvents} + ${repriced}`,
      });
    }
    await set({ status: 'done', finishedAt: new Date() });
  } catch (err) {
    await set({ status: 'failed', finishedAt: new Date(), error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}

/**
 * Re-prices one day's events that the change can move, writes the costs that changed, and
 * rebuilds those rollup rows from the events, exactly as ingesting them afresh would. The day
 * is locked against ingest meanwhile, and marked for its allocations to be settled again.
 */
async function repriceDay(db: Database, day: string, filter: KeyFilter, book: PriceBook, tz: string): Promise<number> {
  return db.transaction(async (tx) => {
    await lockDayExclusive(tx, dayNumber(day));
    // Unfolded batches of this day are in the events read below: fold them first, or they would count twice.
    await foldPending(tx, { day: dayNumber(day) });
    const range = { start: startOfDay(day, tz), end: startOfDay(dayFromNumber(dayNumber(day) + 1), tz) };
    const changed: RepricedRow[] = [];
    const rollups = new RollupRows();
    // Priced and summed as the rows arrive, so no day's events are held: every event is of this day.
    await eachEventForRepricing(tx, range, filter, (event, stored) => {
      const cost = priceEvent(event, book);
      if (!sameAsStored(cost, stored)) changed.push({ team: event.team, id: event.id, values: storedValues(cost) });
      addToRollups(rollups, event, cost, day);
    });
    await updateEventCosts(tx, changed);
    await deleteRollups(tx, day, filter);
    await prepareStaging(tx);
    await stageRollups(tx, [...rollups.values()]);
    await tx.exec(`${MERGE_ROLLUPS}; insert into dirty_days (day) values ('${day}') on conflict do nothing`);
    return changed.length;
  });
}
