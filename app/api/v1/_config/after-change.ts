import { requestReprice } from '@/costing/reprice';
import type { RepriceRequest } from '@/costing/types';
import type { Database } from '@/db/client';
import { getRepricingJob, listRepricingJobs } from '@/db/queries/repricing-jobs';
import { invalidateIngestContext } from '@/ingest/context';
import { toRepricingJobJson, type RepricingJobJson } from '@/lib/api/repricing-wire';

/**
 * What follows every committed price-book change: new batches must be priced with it at once, and
 * the days it can move are re-priced. A small re-price runs before this returns, so the job is read
 * back to report how far it got.
 */
export async function afterPricebookChange(
  db: Database,
  reprices: readonly RepriceRequest[],
): Promise<RepricingJobJson[]> {
  invalidateIngestContext(db);
  const jobs: RepricingJobJson[] = [];
  for (const req of reprices) jobs.push(await reprice(db, req));
  return jobs;
}

/**
 * The change itself is committed whatever happens here; a re-price that fails inline has marked
 * its job failed, and that job is what the caller should see, not a 500.
 */
async function reprice(db: Database, req: RepriceRequest): Promise<RepricingJobJson> {
  try {
    const queued = await requestReprice(db, req);
    return toRepricingJobJson((await getRepricingJob(db, queued.id)) ?? queued);
  } catch (err) {
    console.error('cut: re-pricing failed:', err instanceof Error ? err.message : err);
    const failed = (await listRepricingJobs(db, 50)).find((j) => j.reason === req.reason);
    if (!failed) throw err;
    return toRepricingJobJson(failed);
  }
}
