/**
 * Which events (and rollup rows: their keys are the same columns) a price-book change can move.
 * A model price only ever applies to managed-API calls; a pool rate only to that pool's calls.
 */
export type KeyFilter =
  | { kind: 'all' }
  | { kind: 'model'; provider: string; model: string; match: 'exact' | 'pattern' }
  | { kind: 'pool'; pool: string }
  | { kind: 'team'; team: string }
  | { kind: 'workload_class'; workloadClass: string };

/** The filter as a SQL condition whose parameters start at $first; `table` decides how "no pool" reads. */
export function filterSql(filter: KeyFilter, first: number, table: 'events' | 'daily_rollups') {
  const noPool = table === 'events' ? 'pool is null' : `pool = ''`;
  switch (filter.kind) {
    case 'all':
      return { sql: 'true', params: [] as string[] };
    case 'model': {
      const model =
        filter.match === 'exact' ? `lower(model) = lower($${first + 1})` : `model ilike $${first + 1} escape '\\'`;
      const value = filter.match === 'exact' ? filter.model : globToLike(filter.model);
      return { sql: `${noPool} and lower(provider) = lower($${first}) and ${model}`, params: [filter.provider, value] };
    }
    case 'pool':
      return { sql: `pool = $${first}`, params: [filter.pool] };
    case 'team':
      return { sql: `team = $${first}`, params: [filter.team] };
    case 'workload_class':
      return { sql: `workload_class = $${first}`, params: [filter.workloadClass] };
  }
}

/** "gpt-4o*" -> "gpt-4o%", with LIKE's own wildcards in the name escaped. */
function globToLike(glob: string): string {
  return glob.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%');
}
