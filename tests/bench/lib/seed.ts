import type { Database } from '../../../db/client';
import { migrate } from '../../../db/migrate';
import { getSettings } from '../../../db/queries/settings';
import { settings } from '../../../db/schema';
import { insertPriceBook } from '../../../db/writes/pricebook';
import type { DemoData } from '../../../lib/demo/generate';

/** High enough that the per-key limiter never answers 429 during a run (its burst is a tenth of this). */
const RATE_LIMIT_PER_MINUTE = 10_000_000;

/**
 * Migrates an empty store and gives it what the server needs before the first event: the demo's
 * price book (so events are priced, not `unpriced`), its registry, and a rate limit out of the way.
 */
export async function seedStore(db: Database, demo: DemoData): Promise<void> {
  await migrate(db);
  await db.transaction(async (tx) => {
    await insertPriceBook(
      tx,
      {
        teams: demo.teams,
        workloadClasses: demo.workloadClasses,
        modelPrices: demo.modelPrices,
        pools: demo.pools,
        unitCosts: demo.unitCosts,
      },
      'bench',
    );
    await tx.orm
      .insert(settings)
      .values({ key: 'ingest_rate_limit_per_minute', value: RATE_LIMIT_PER_MINUTE })
      .onConflictDoUpdate({ target: settings.key, set: { value: RATE_LIMIT_PER_MINUTE } });
  });
  const limit = (await getSettings(db)).ingest_rate_limit_per_minute;
  if (limit !== RATE_LIMIT_PER_MINUTE) {
    throw new Error(`the rate-limit setting did not take (reads back ${limit}): the run would be throttled`);
  }
}
