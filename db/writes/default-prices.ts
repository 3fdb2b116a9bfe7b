import { DEFAULT_MODEL_PRICES, DEFAULT_PRICES_EFFECTIVE_FROM } from '../../lib/costing/default-prices';
import type { Database } from '../client';
import { upsertModelPrice } from './model-prices';
import { bumpPricebookVersion } from './settings';

/**
 * Gives a fresh install the default list prices, audited as 'system'; does nothing once any model
 * price exists, so an admin who deleted or replaced them is never overridden. The table lock makes
 * two processes starting together insert them once. Returns how many were inserted.
 */
export async function ensureDefaultPrices(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.exec('lock table model_prices in share row exclusive mode');
    const [row] = await tx.query<{ n: number }>('select count(*)::int as n from model_prices');
    if ((row?.n ?? 0) > 0) return 0;
    for (const p of DEFAULT_MODEL_PRICES) {
      await upsertModelPrice(
        tx,
        { ...p, reasoningUsdPer1m: null, effectiveFrom: DEFAULT_PRICES_EFFECTIVE_FROM },
        'system',
      );
    }
    await bumpPricebookVersion(tx);
    return DEFAULT_MODEL_PRICES.length;
  });
}
