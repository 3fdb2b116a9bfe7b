import { and, eq, sql } from 'drizzle-orm';
import { toPriceJson } from '../../lib/api/pricebook-wire';
import type { Database } from '../client';
import type { ModelPriceRow } from '../queries/model-prices';
import { getReportingDay } from '../queries/reporting-day';
import { modelPrices } from '../schema';
import { recordChange } from './audit';
import { bumpPricebookVersion } from './settings';

export interface ModelPriceInput {
  provider: string;
  model: string;
  match: 'exact' | 'pattern';
  /** USD per 1M tokens, decimal strings with at most 6 decimals */
  inputUsdPer1m: string;
  cachedInputUsdPer1m: string;
  outputUsdPer1m: string;
  reasoningUsdPer1m: string | null;
  effectiveFrom: Date;
  source: string | null;
}

export interface SavedModelPrice {
  before: ModelPriceRow | null;
  after: ModelPriceRow;
  /** the first reporting day the change can move */
  fromDay: string;
}

/** Creates a price version, or replaces the one with the same provider, model and start; audited. */
export async function saveModelPrice(db: Database, input: ModelPriceInput, actor: string): Promise<SavedModelPrice> {
  return db.transaction(async (tx) => {
    const saved = await upsertModelPrice(tx, input, actor);
    await bumpPricebookVersion(tx);
    return { ...saved, fromDay: await getReportingDay(tx, input.effectiveFrom) };
  });
}

/**
 * The upsert and its audit entry, inside the caller's transaction. The book matches names without
 * regard to case, so "OpenAI/GPT-4o" replaces "openai/gpt-4o" rather than standing beside it.
 */
export async function upsertModelPrice(tx: Database, input: ModelPriceInput, actor: string) {
  const sameVersion = and(
    sql`lower(${modelPrices.provider}) = lower(${input.provider})`,
    sql`lower(${modelPrices.model}) = lower(${input.model})`,
    eq(modelPrices.effectiveFrom, input.effectiveFrom),
  );
  const [before] = await tx.orm.select().from(modelPrices).where(sameVersion).for('update');
  // A concurrent create of the same version may win the insert: ours then becomes a replace.
  const inserted = before ? [] : await tx.orm.insert(modelPrices).values(input).onConflictDoNothing().returning();
  const [after] = inserted.length
    ? inserted
    : await tx.orm.update(modelPrices).set(input).where(sameVersion).returning();
  await recordChange(tx, {
    actor,
    action: before ? 'replace' : 'create',
    entity: 'model_price',
    entityId: String(after!.id),
    before: before ? toPriceJson(before) : null,
    after: toPriceJson(after!),
  });
  return { before: before ?? null, after: after! };
}
