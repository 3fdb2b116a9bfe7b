import { z } from 'zod';

import type { GroupValues } from '../metrics/keys';
import { queryDay as day } from './query-params';

/** `GET /api/v1/dimensions`: what the dashboards can be filtered by, and the days with data. */
export interface DimensionsBody {
  data_range: { from: string; to: string } | null;
  teams: Array<{ slug: string; name: string }>;
  workload_classes: Array<{ slug: string; name: string; unit: string }>;
  models: Array<{ provider: string; model: string }>;
  pools: string[];
}

/** `GET /api/v1/rejections`: rejected workflows per reason within each group. */
export interface RejectionsBody {
  rows: Array<GroupValues & { reason: string | null; workflows: number }>;
}

/** `GET /api/v1/cost-split`: direct cost split into uncached input, cached input and output tokens. */
export interface CostSplitBody {
  rows: Array<GroupValues & { input_usd: string; cached_input_usd: string; output_usd: string; unsplit_usd: string }>;
}

/** `GET /api/v1/pool-usage`: each pool's capacity per day. */
export interface PoolUsageRow {
  day: string;
  pool: string;
  provisioned_gpu_hours: number;
  used_gpu_hours: number;
  idle_gpu_hours: number;
  over_reported_gpu_hours: number;
  idle_usd: string;
  /** used / provisioned, at most 1 (over-reporting is shown apart); null for a pool with nothing provisioned */
  utilization: number | null;
}

export interface PoolUsageBody {
  rows: PoolUsageRow[];
}

export const poolUsageQuery = z
  .strictObject(
    {
      from: day,
      to: day,
      pool: z
        .string()
        .optional()
        .transform((s) => (s?.trim() ? s.split(',').map((p) => p.trim()) : undefined)),
    },
    { error: (i) => (i.code === 'unrecognized_keys' ? `unknown parameter; use from, to, pool` : undefined) },
  )
  .refine((q) => q.from <= q.to, { path: ['to'], error: 'must be on or after from' });

export type PoolUsageQuery = z.output<typeof poolUsageQuery>;
