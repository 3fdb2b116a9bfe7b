import type { Database } from '../client';

export interface Dimensions {
  teams: Array<{ slug: string; name: string }>;
  workloadClasses: Array<{ slug: string; name: string; unit: string }>;
  models: Array<{ provider: string; model: string }>;
  pools: string[];
}

/**
 * What the dashboards can be filtered by: registered teams and workload classes (with the unit
 * of their accepted work), and the models and pools that appear in the rollups or the price book.
 */
export async function getDimensions(db: Database): Promise<Dimensions> {
  const [teams, classes, models, pools] = await Promise.all([
    db.query<{ slug: string; name: string }>(`select slug, name from teams order by slug collate "C"`),
    db.query<{ slug: string; name: string; unit: string }>(
      `select slug, name, unit from workload_classes order by slug collate "C"`,
    ),
    db.query<{ provider: string; model: string }>(
      `select distinct provider, model from daily_rollups where model not like '\\_\\_%' order by 2, 1`,
    ),
    db.query<{ pool: string }>(
      `select name as pool from gpu_pools union select distinct pool from daily_rollups where pool <> '' order by 1`,
    ),
  ]);
  return { teams, workloadClasses: classes, models, pools: pools.map((p) => p.pool) };
}
