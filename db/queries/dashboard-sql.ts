import { FILTER_KEYS, type GroupKey, type MetricsFilters } from '../../lib/metrics/keys';
import { GROUPS } from './metrics';

/**
 * The pieces every grouped dashboard read shares with the metrics query: a day range and list
 * filters as parameters, grouping keys from the fixed list (never from input), written out the
 * same way (`pool` null for a managed API).
 */
export function groupedSql(
  params: { from: string; to: string; groupBy: readonly GroupKey[]; filters: MetricsFilters },
  values: unknown[] = [],
) {
  values.push(params.from, params.to);
  const where = [`day between $${values.length - 1}::date and $${values.length}::date`];
  for (const key of FILTER_KEYS) {
    const list = params.filters[key];
    if (!list?.length) continue;
    values.push(list);
    where.push(`${key} = any($${values.length}::text[])`);
  }
  const keys = params.groupBy;
  return {
    values,
    where: where.join(' and '),
    select: keys.map((k) => `${GROUPS[k].output(GROUPS[k].expr)} as "key_${k}"`),
    groupBy: keys.map((k) => GROUPS[k].expr),
  };
}

/** Moves `key_<group>` columns of a record into a keys object. */
export function splitKeys<R extends Record<string, unknown>>(record: R, groupBy: readonly GroupKey[]) {
  const keys: Partial<Record<GroupKey, string | null>> = {};
  const rest: Record<string, unknown> = { ...record };
  for (const k of groupBy) {
    keys[k] = (record[`key_${k}`] as string | null) ?? null;
    delete rest[`key_${k}`];
  }
  return { keys, rest };
}
