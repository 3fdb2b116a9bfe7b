import type { ModelPrice, PoolVersion, UnitCost } from '../../lib/costing/pricebook';
import { formatUnits } from '../../lib/money';
import type { Database } from '../client';
import { auditLog, fixedCosts, gpuPools, modelPrices, teams, unitCosts, workloadClasses } from '../schema';

const micro = (v: bigint) => formatUnits(v, 6, 6);

export interface PriceBookSeed {
  teams?: ReadonlyArray<{ slug: string; name: string }>;
  workloadClasses?: ReadonlyArray<{ slug: string; name: string; unit: string }>;
  modelPrices?: ReadonlyArray<ModelPrice & { source?: string | null }>;
  pools?: readonly PoolVersion[];
  unitCosts?: readonly UnitCost[];
  fixedCosts?: ReadonlyArray<typeof fixedCosts.$inferInsert>;
}

/** Inserts a whole price book (and the registry it refers to), auditing every row as created by `actor`. */
export async function insertPriceBook(tx: Database, seed: PriceBookSeed, actor: string): Promise<void> {
  const audit: Array<typeof auditLog.$inferInsert> = [];
  const created = (entity: string, after: object, entityId?: string) =>
    audit.push({ actor, action: 'create', entity, entityId, after });

  if (seed.teams?.length) {
    await tx.orm
      .insert(teams)
      .values([...seed.teams])
      .onConflictDoNothing();
  }
  if (seed.workloadClasses?.length) {
    await tx.orm
      .insert(workloadClasses)
      .values([...seed.workloadClasses])
      .onConflictDoNothing();
  }
  for (const p of seed.modelPrices ?? []) {
    const row = {
      provider: p.provider,
      model: p.model,
      match: p.match,
      inputUsdPer1m: micro(p.inputPer1m),
      cachedInputUsdPer1m: micro(p.cachedInputPer1m),
      outputUsdPer1m: micro(p.outputPer1m),
      reasoningUsdPer1m: p.reasoningPer1m === null ? null : micro(p.reasoningPer1m),
      effectiveFrom: p.effectiveFrom,
      source: p.source ?? null,
    };
    await tx.orm.insert(modelPrices).values(row);
    created('model_price', row, `${p.provider}/${p.model}`);
  }
  for (const p of seed.pools ?? []) {
    const row = {
      name: p.name,
      gpuType: p.gpuType,
      gpuCount: p.gpuCount,
      usdPerGpuHour: micro(p.usdPerGpuHour),
      pricingModel: p.pricingModel,
      billingGranularity: p.billingGranularity,
      provisionedGpuHoursPerDay: p.provisionedGpuHoursPerDay === null ? null : micro(p.provisionedGpuHoursPerDay),
      inputWeight: micro(p.inputWeight),
      effectiveFrom: p.effectiveFrom,
    };
    await tx.orm.insert(gpuPools).values(row);
    created('gpu_pool', row, p.name);
  }
  for (const u of seed.unitCosts ?? []) {
    const row = { kind: u.kind, scope: u.scope, usd: micro(u.usd), effectiveFrom: u.effectiveFrom };
    await tx.orm.insert(unitCosts).values(row);
    created('unit_cost', row, `${u.kind}/${u.scope}`);
  }
  for (const f of seed.fixedCosts ?? []) {
    await tx.orm.insert(fixedCosts).values(f);
    created('fixed_cost', f, f.name);
  }
  if (audit.length) await tx.orm.insert(auditLog).values(audit);
}
