/** What a metrics view can be grouped by: the reporting calendar and the rollup grain's dimensions. */
export const GROUP_KEYS = ['day', 'week', 'month', 'team', 'workload_class', 'model', 'pool', 'provider'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

/** Dimensions a metrics view can be narrowed to (each to a list of values). */
export const FILTER_KEYS = ['team', 'workload_class', 'model', 'pool', 'provider'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export type MetricsFilters = Partial<Record<FilterKey, string[]>>;

/** A group's key values: days and weeks as YYYY-MM-DD, months as YYYY-MM, `pool` null for a managed API. */
export type GroupValues = Partial<Record<GroupKey, string | null>>;
