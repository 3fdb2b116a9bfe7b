import type { Database } from '../db/client';
import { getApiModelsBetween, getClassesBetween } from '../db/queries/decision-inputs';
import { getPriceBook } from '../db/queries/pricebook';
import { getSettings } from '../db/queries/settings';
import type { DecisionOptionsBody } from '../lib/api/decision-options-wire';
import { formatUnits } from '../lib/money';
import { decisionPeriod } from './break-even';
import { periodBounds } from './period';

/** The classes, pools and priced models a what-if or break-even may name for a period. */
export async function getDecisionOptions(
  db: Database,
  range: { from: string; to: string } | null,
): Promise<DecisionOptionsBody> {
  const [book, settings] = await Promise.all([getPriceBook(db), getSettings(db)]);
  const p = await decisionPeriod(db, range, settings.reporting_time_zone);
  const { start } = periodBounds(p);
  const pools = book
    .poolNames()
    .map((name) => book.pool(name, start))
    .filter((pool) => pool !== undefined)
    .map((pool) => ({
      name: pool.name,
      gpu_type: pool.gpuType,
      gpu_count: pool.gpuCount,
      usd_per_gpu_hour: formatUnits(pool.usdPerGpuHour, 6, 6),
    }));
  const seen = new Set<string>();
  const models: DecisionOptionsBody['models'] = [];
  const offer = (provider: string, model: string) => {
    const key = `${provider}\u0000${model}`;
    if (seen.has(key) || !book.modelPrice(provider, model, start)) return;
    seen.add(key);
    models.push({ provider, model });
  };
  for (const m of await getApiModelsBetween(db, p)) offer(m.provider, m.model);
  for (const price of book.data.modelPrices) if (price.match === 'exact') offer(price.provider, price.model);
  return { from: p.from, to: p.to, classes: await getClassesBetween(db, p), pools, models };
}
