import { PriceBook, type PriceBookData } from '../../lib/costing/pricebook';
import { parseDecimal } from '../../lib/money';
import type { Database } from '../client';
import { gpuPools, modelPrices, unitCosts } from '../schema';

const micro = (value: string) => parseDecimal(value, 6);

/** Loads every version of every price, pool and unit cost: the book is small and priced in memory. */
async function getPriceBookData(db: Database): Promise<PriceBookData> {
  const [prices, pools, units] = await Promise.all([
    db.orm.select().from(modelPrices),
    db.orm.select().from(gpuPools),
    db.orm.select().from(unitCosts),
  ]);
  return {
    modelPrices: prices.map((p) => ({
      provider: p.provider,
      model: p.model,
      match: p.match,
      inputPer1m: micro(p.inputUsdPer1m),
      cachedInputPer1m: micro(p.cachedInputUsdPer1m),
      outputPer1m: micro(p.outputUsdPer1m),
      reasoningPer1m: p.reasoningUsdPer1m === null ? null : micro(p.reasoningUsdPer1m),
      effectiveFrom: p.effectiveFrom,
    })),
    pools: pools.map((p) => ({
      name: p.name,
      gpuType: p.gpuType,
      gpuCount: p.gpuCount,
      usdPerGpuHour: micro(p.usdPerGpuHour),
      pricingModel: p.pricingModel,
      billingGranularity: p.billingGranularity,
      provisionedGpuHoursPerDay: p.provisionedGpuHoursPerDay === null ? null : micro(p.provisionedGpuHoursPerDay),
      inputWeight: micro(p.inputWeight),
      effectiveFrom: p.effectiveFrom,
    })),
    unitCosts: units.map((u) => ({ kind: u.kind, scope: u.scope, usd: micro(u.usd), effectiveFrom: u.effectiveFrom })),
  };
}

export async function getPriceBook(db: Database): Promise<PriceBook> {
  return new PriceBook(await getPriceBookData(db));
}
