import { and, eq } from 'drizzle-orm';
import { toPoolJson } from '../../lib/api/pricebook-wire';
import type { Database } from '../client';
import type { GpuPoolRow } from '../queries/gpu-pools';
import { getReportingDay } from '../queries/reporting-day';
import { gpuPools } from '../schema';
import { recordChange } from './audit';
import { bumpPricebookVersion } from './settings';
import { unsettleDays } from './settle';

export interface GpuPoolInput {
  name: string;
  gpuType: string;
  gpuCount: number;
  /** decimal strings with at most 6 decimals */
  usdPerGpuHour: string;
  pricingModel: 'on_demand' | 'spot' | 'reserved' | 'owned_amortized';
  billingGranularity: 'second' | 'hour';
  /** null: always on */
  provisionedGpuHoursPerDay: string | null;
  inputWeight: string;
  effectiveFrom: Date;
}

export interface SavedGpuPool {
  before: GpuPoolRow | null;
  after: GpuPoolRow;
  /** the first reporting day the change can move */
  fromDay: string;
}

/**
 * Creates a pool version, or replaces the one with the same name and start; audited. A pool's
 * rate and schedule also set its idle capacity, so the days from its start are settled again.
 */
export async function saveGpuPool(db: Database, input: GpuPoolInput, actor: string): Promise<SavedGpuPool> {
  return db.transaction(async (tx) => {
    const [before] = await tx.orm
      .select()
      .from(gpuPools)
      .where(and(eq(gpuPools.name, input.name), eq(gpuPools.effectiveFrom, input.effectiveFrom)))
      .for('update');
    const [after] = await tx.orm
      .insert(gpuPools)
      .values(input)
      .onConflictDoUpdate({ target: [gpuPools.name, gpuPools.effectiveFrom], set: input })
      .returning();
    await recordChange(tx, {
      actor,
      action: before ? 'replace' : 'create',
      entity: 'gpu_pool',
      entityId: input.name,
      before: before ? toPoolJson(before) : null,
      after: toPoolJson(after!),
    });
    const fromDay = await getReportingDay(tx, input.effectiveFrom);
    await unsettleDays(tx, { from: fromDay });
    await bumpPricebookVersion(tx);
    return { before: before ?? null, after: after!, fromDay };
  });
}
