import { desc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { repricingJobs } from '../schema';

export type RepricingJob = typeof repricingJobs.$inferSelect;

export async function getRepricingJob(db: Database, id: number): Promise<RepricingJob | undefined> {
  const [job] = await db.orm.select().from(repricingJobs).where(eq(repricingJobs.id, id));
  return job;
}

/** The most recent jobs first: what the Settings page shows as "re-pricing running / done". */
export async function listRepricingJobs(db: Database, limit = 20): Promise<RepricingJob[]> {
  return db.orm.select().from(repricingJobs).orderBy(desc(repricingJobs.id)).limit(limit);
}

/** The oldest job still waiting, if any. */
export async function nextQueuedJob(db: Database): Promise<RepricingJob | undefined> {
  const [job] = await db.orm
    .select()
    .from(repricingJobs)
    .where(eq(repricingJobs.status, 'queued'))
    .orderBy(repricingJobs.id)
    .limit(1);
  return job;
}

/** The first and last reporting day an instant range covers, from the events table. */
export async function getEventDaySpan(db: Database, timeZone: string): Promise<{ first: string; last: string } | null> {
  const [row] = await db.query<{ first: string | null; last: string | null }>(
    `select (min(ts) at time zone $1)::date::text as first, (max(ts) at time zone $1)::date::text as last from events`,
    [timeZone],
  );
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}
