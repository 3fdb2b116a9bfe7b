import type { Database } from '../db/client';
import { getPoolUsage } from '../db/queries/decision-inputs';
import { poolTokenWeight } from '../lib/costing/direct';
import type { PoolVersion } from '../lib/costing/pricebook';
import type { Throughput } from '../lib/decisions/changes';
import { parseDecimal } from '../lib/money';
import type { Period } from './period';

/**
 * A pool's throughput in token weight per GPU time: stated (output-equivalent tokens per
 * GPU-hour) or measured from what the pool's calls weighed and reported over the period.
 * Null when it must be measured and the pool reported no GPU time.
 */
export async function poolThroughput(
  db: Database,
  pool: PoolVersion,
  p: Period,
  stated: string | null,
): Promise<Throughput | null> {
  if (stated !== null) {
    // T tokens per hour = T x 1e7 weight units per 1e9 nano-hours; T arrives with 6 decimals.
    return { weight: parseDecimal(stated, 6) * 10n, gpuNanoHours: 1_000_000_000n, source: 'stated' };
  }
  const usage = await getPoolUsage(db, { ...p, pool: pool.name });
  const weight = poolTokenWeight(usage, pool.inputWeight);
  if (usage.gpuNanoHours === 0n || weight === 0n) return null;
  return { weight, gpuNanoHours: usage.gpuNanoHours, source: 'measured' };
}
