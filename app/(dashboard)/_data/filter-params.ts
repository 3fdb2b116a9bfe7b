import { createParser, parseAsString } from 'nuqs/server';
import { isIsoDay } from '@/lib/dates/days';
import type { DashboardFilters } from '@/lib/dashboard/params';

/** A reporting day in the URL; anything else reads as absent, so a bad link shows the default. */
export const parseAsDay = createParser({
  parse: (value: string) => (isIsoDay(value) ? value : null),
  serialize: (value: string) => value,
});

/**
 * The filters every dashboard shares, declared once: the date range and one team, workload class,
 * model and pool. Pages add their own keys beside these.
 */
export const filterParams = {
  from: parseAsDay,
  to: parseAsDay,
  team: parseAsString,
  class: parseAsString,
  model: parseAsString,
  pool: parseAsString,
};

type FilterState = { team: string | null; class: string | null; model: string | null; pool: string | null };

export const toFilters = (s: FilterState): DashboardFilters => ({
  team: s.team,
  workloadClass: s.class,
  model: s.model,
  pool: s.pool,
});
