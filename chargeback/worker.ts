import type { Database } from '../db/client';
import { evaluateBudgets } from './budgets';
import { deliverDueWebhooks } from './deliver';

const DELIVER_EVERY_MS = 5_000;
const BUDGETS_EVERY_MS = 60_000;

/**
 * Budget checks and webhook deliveries, on their own timer so a slow or dead receiver never
 * delays settling days, ingest or a page. Stopping waits for the run in flight.
 */
export function startChargebackWork(db: Database, onError: (err: unknown) => void): () => Promise<void> {
  let busy = false;
  let lastBudgets = 0;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      if (Date.now() - lastBudgets >= BUDGETS_EVERY_MS) {
        lastBudgets = Date.now();
        await evaluateBudgets(db);
      }
      await deliverDueWebhooks(db);
    } catch (err) {
      onError(err);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), DELIVER_EVERY_MS);
  void tick();
  return async () => {
    clearInterval(timer);
    while (busy) await new Promise((resolve) => setTimeout(resolve, 25));
  };
}
