import { foldIfPending } from '@/costing/fold';
import { settleDays } from '@/costing/settle';
import type { Database } from '@/db/client';
import { getCostSplitSlices } from '@/db/queries/cost-split-sums';
import { getDataRange } from '@/db/queries/daily-totals';
import { getDimensions } from '@/db/queries/dimensions';
import { getMetricSums } from '@/db/queries/metrics';
import { getPoolUsage } from '@/db/queries/pool-usage';
import { getPriceBook } from '@/db/queries/pricebook';
import { getRejectionCounts } from '@/db/queries/rejections';
import { getSettings } from '@/db/queries/settings';
import type {
  CostSplitBody,
  DimensionsBody,
  PoolUsageBody,
  PoolUsageQuery,
  RejectionsBody,
} from '@/lib/api/dashboard-wire';
import type { MetricsBody, MetricsQuery } from '@/lib/api/metrics-query';
import { emptySplit, poolWeights, splitCost, splitJson, type SplitSums } from '@/lib/dashboard/cost-split';
import { deriveMetricsRow } from '@/lib/metrics/derive';
import { picoToUsd, usdToPico } from '@/lib/money';
import { startOfDay } from '@/lib/reporting-day';

/**
 * The bodies of the dashboard's read endpoints, shared by their route handlers and by the pages
 * that prefetch the same data on the server: one function per body, so both always agree. Each
 * caller scopes the query to the viewer's teams first (scopeQuery), so both scope alike too.
 */
export async function metricsBody(db: Database, query: MetricsQuery): Promise<MetricsBody> {
  // Allocations and workflow figures of days changed since the worker last ran are rebuilt first.
  await settleDays(db, { from: query.from, to: query.to });
  const sums = await getMetricSums(db, query);
  return { rows: sums.map((s) => deriveMetricsRow(s, query.groupBy)) };
}

/** `teams`: only what these teams' rows name (undefined: every team). */
export async function dimensionsBody(db: Database, teams?: readonly string[]): Promise<DimensionsBody> {
  await foldIfPending(db); // reads rollups and workflows: batches not yet folded first
  const [range, dims] = await Promise.all([getDataRange(db, teams), getDimensions(db, teams)]);
  return {
    data_range: range,
    teams: dims.teams,
    workload_classes: dims.workloadClasses,
    models: dims.models,
    pools: dims.pools,
  };
}

export async function rejectionsBody(db: Database, query: MetricsQuery): Promise<RejectionsBody> {
  await foldIfPending(db); // reads rollups and workflows: batches not yet folded first
  const counts = await getRejectionCounts(db, query);
  return { rows: counts.map((c) => ({ ...c.keys, reason: c.reason, workflows: c.workflows })) };
}

export async function poolUsageBody(db: Database, query: PoolUsageQuery): Promise<PoolUsageBody> {
  await settleDays(db, { from: query.from, to: query.to });
  const rows = await getPoolUsage(db, { from: query.from, to: query.to, pools: query.pool });
  return {
    rows: rows.map((r) => {
      const provisioned = Number(r.provisionedGpuHours);
      const used = Number(r.usedGpuHours);
      return {
        day: r.day,
        pool: r.pool,
        provisioned_gpu_hours: provisioned,
        used_gpu_hours: used,
        idle_gpu_hours: Number(r.idleGpuHours),
        over_reported_gpu_hours: Number(r.overReportedGpuHours),
        idle_usd: picoToUsd(usdToPico(r.idleUsd), 6),
        utilization: provisioned > 0 ? Math.min(used, provisioned) / provisioned : null,
      };
    }),
  };
}

/**
 * Each slice's direct cost split at the list prices in force at the start of its day (a pool's
 * input weight for self-hosted calls); the parts of a slice always add up to its cost.
 */
export async function costSplitBody(db: Database, query: MetricsQuery): Promise<CostSplitBody> {
  await foldIfPending(db); // reads rollups and workflows: batches not yet folded first
  const [slices, book, settings] = await Promise.all([
    getCostSplitSlices(db, query),
    getPriceBook(db),
    getSettings(db),
  ]);
  const groups = new Map<string, { keys: (typeof slices)[number]['keys']; sums: SplitSums }>();
  for (const s of slices) {
    const at = startOfDay(s.day, settings.reporting_time_zone);
    let weights = null;
    if (s.pool !== '') {
      const pool = book.pool(s.pool, at);
      if (pool) weights = poolWeights(pool.inputWeight);
    } else {
      const price = book.modelPrice(s.provider, s.model, at);
      if (price) {
        weights = {
          input: price.inputPer1m,
          cached: price.cachedInputPer1m,
          output: price.outputPer1m,
          reasoning: price.reasoningPer1m ?? price.outputPer1m,
        };
      }
    }
    const id = JSON.stringify(query.groupBy.map((k) => s.keys[k] ?? null));
    const group = groups.get(id) ?? { keys: s.keys, sums: emptySplit() };
    splitCost(s, weights, group.sums);
    groups.set(id, group);
  }
  return {
    rows: [...groups]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, g]) => ({ ...g.keys, ...splitJson(g.sums) })),
  };
}
