import { poolsJson } from '@/app/api/v1/_config/pools-json';
import { settingsJson } from '@/app/api/v1/_config/settings-change';
import type { Database } from '@/db/client';
import { getAuditLog } from '@/db/queries/audit-log';
import { listFixedCosts } from '@/db/queries/fixed-cost-list';
import { getGpuPoolVersions } from '@/db/queries/gpu-pools';
import { listKeys } from '@/db/queries/keys';
import { listModelPrices } from '@/db/queries/model-prices';
import { listRepricingJobs } from '@/db/queries/repricing-jobs';
import { getDimensions } from '@/db/queries/dimensions';
import { toAuditJson } from '@/lib/api/audit-wire';
import { inForceIds, toFixedCostJson, toPriceJson } from '@/lib/api/pricebook-wire';
import { toRepricingJobJson } from '@/lib/api/repricing-wire';

/**
 * Everything the Settings page shows, in the shapes the config API answers with (snake_case,
 * decimal strings, ISO instants). Never includes a key's secret or hash; the keys themselves
 * (null) only for a viewer who manages them (keys:manage).
 */
export async function settingsPageData(db: Database, access: { keys: boolean }, now = new Date()) {
  const [prices, pools, fixedCosts, settings, keys, audit, jobs, dims] = await Promise.all([
    listModelPrices(db),
    getGpuPoolVersions(db),
    listFixedCosts(db),
    settingsJson(db),
    access.keys ? listKeys(db) : null,
    getAuditLog(db, { limit: 100 }),
    listRepricingJobs(db, 10),
    getDimensions(db),
  ]);
  const current = inForceIds(prices, (p) => `${p.provider.toLowerCase()}\u0000${p.model.toLowerCase()}`, now);
  return {
    prices: prices.map((p) => ({ ...toPriceJson(p), in_force: current.has(p.id) })),
    pools: poolsJson(pools, now),
    fixed_costs: fixedCosts.map(toFixedCostJson),
    settings,
    keys:
      keys?.map((k) => ({
        id: k.id,
        kind: k.kind,
        name: k.name,
        team: k.team,
        prefix: k.prefix,
        created_at: k.createdAt.toISOString(),
        last_used_at: k.lastUsedAt?.toISOString() ?? null,
        revoked_at: k.revokedAt?.toISOString() ?? null,
      })) ?? null,
    audit: audit.map(toAuditJson),
    repricing_jobs: jobs.map(toRepricingJobJson),
    teams: dims.teams,
    workload_classes: dims.workloadClasses,
  };
}

export type SettingsPageData = Awaited<ReturnType<typeof settingsPageData>>;

export async function repricingJobsData(db: Database) {
  return (await listRepricingJobs(db, 10)).map(toRepricingJobJson);
}
