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
 * Limited to `teams` (undefined: every team), only those teams and what their rollups name appear.
 */
export async function getDimensions(db: Database, teams?: readonly string[]): Promise<Dimensions> {
  const scoped = teams !== undefined;
  const inTeams = scoped ? 'team = any($1::text[])' : 'true';
  const values = scoped ? [teams] : [];
  const [teamRows, classes, models, pools] = await Promise.all([
    db.query<{ slug: string; name: string }>(
      `select slug, name from teams where ${scoped ? 'slug = any($1::text[])' : 'true'} order by slug collate "C"`,
      values,
    ),
    db.query<{ slug: string; name: string; unit: string }>(
      `select slug, name, unit from workload_classes order by slug collate "C"`,
    ),
    db.query<{ provider: string; model: string }>(
      `select distinct provider, model from daily_rollups
        where model not like '\\_\\_%' and ${inTeams} order by 2, 1`,
      values,
    ),
    db.query<{ pool: string }>(
      scoped
        ? `select distinct pool from daily_rollups where pool <> '' and ${inTeams} order by 1`
        : `select name as pool from gpu_pools union select distinct pool from daily_rollups where pool <> '' order by 1`,
      values,
    ),
  ]);
  return { teams: teamRows, workloadClasses: classes, models, pools: pools.map((p) => p.pool) };
}
