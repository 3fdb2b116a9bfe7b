import type { DimensionsBody } from '../api/dashboard-wire';
import type { DashboardFilters } from './params';

export type FilterKey = 'team' | 'class' | 'model' | 'pool';

export interface FilterChoice {
  key: FilterKey;
  label: string;
  options: Array<{ value: string; label: string }>;
  value: string | null;
}

/** The filter selects for a page, in a fixed order, from what the data holds; `omit` drops some. */
export function filterChoices(
  dims: DimensionsBody,
  filters: DashboardFilters,
  omit: readonly FilterKey[] = [],
): FilterChoice[] {
  const models = [...new Set(dims.models.map((m) => m.model))].sort();
  const all: FilterChoice[] = [
    {
      key: 'team',
      label: 'Team',
      options: dims.teams.map((t) => ({ value: t.slug, label: t.name })),
      value: filters.team,
    },
    {
      key: 'class',
      label: 'Workload class',
      options: dims.workload_classes.map((c) => ({ value: c.slug, label: c.name })),
      value: filters.workloadClass,
    },
    { key: 'model', label: 'Model', options: models.map((m) => ({ value: m, label: m })), value: filters.model },
    { key: 'pool', label: 'GPU pool', options: dims.pools.map((p) => ({ value: p, label: p })), value: filters.pool },
  ];
  return all.filter((c) => !omit.includes(c.key));
}

/** A class's display name and unit of accepted work, with fallbacks for one not registered. */
export function classInfo(dims: DimensionsBody | undefined, slug: string) {
  const c = dims?.workload_classes.find((w) => w.slug === slug);
  return { slug, name: c?.name ?? slug, unit: c?.unit ?? 'accepted workflow' };
}
