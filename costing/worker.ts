import { eq } from 'drizzle-orm';
import { startChargebackWork } from '../chargeback/worker';
import type { Database } from '../db/client';
import { repricingJobs } from '../db/schema';
import { runQueuedJobs } from './reprice';
import { settleDays } from './settle';

const INTERVAL_MS = 2_000;

/**
 * The server's background loop: finishes queued re-pricing jobs and settles days changed by
 * ingest, so reads rarely have to. A job left running by a crash is queued again first.
 */
export async function startBackgroundWork(db: Database, onError: (err: unknown) => void): Promise<() => Promise<void>> {
  await db.orm.update(repricingJobs).set({ status: 'queued' }).where(eq(repricingJobs.status, 'running'));
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await runQueuedJobs(db);
      await settleDays(db, { from: '0001-01-01', to: '9999-12-31' });
    } catch (err) {
      onError(err);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), INTERVAL_MS);
  void tick();
  const stopChargeback = startChargebackWork(db, onError);
  // Stopping waits for a tick in flight, so the database is not closed under it.
  return async () => {
    clearInterval(timer);
    await stopChargeback();
    while (busy) await new Promise((resolve) => setTimeout(resolve, 25));
  };
}
