import { asc } from 'drizzle-orm';
import type { Database } from '../client';
import { modelPrices } from '../schema';

export type ModelPriceRow = typeof modelPrices.$inferSelect;

/** Every version of every model price, grouped by provider and model, oldest version first. */
export async function listModelPrices(db: Database): Promise<ModelPriceRow[]> {
  return db.orm
    .select()
    .from(modelPrices)
    .orderBy(asc(modelPrices.provider), asc(modelPrices.model), asc(modelPrices.effectiveFrom));
}
