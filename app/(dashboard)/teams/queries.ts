import { queryOptions } from '@tanstack/react-query';
import type { ChargebackJson } from '@/lib/api/chargeback-wire';
import type { DrillRowJson } from '@/lib/api/team-drilldown-wire';
import { getJson } from '@/app/api-client';

/** Shared by the server page (prefetch straight from the database) and the client view (the API). */
export function chargebackQuery(month: string) {
  return queryOptions({
    queryKey: ['chargeback', month] as const,
    queryFn: ({ signal }) => getJson<ChargebackJson>('/api/v1/chargeback', { month }, signal),
  });
}

export interface TeamDrilldown {
  month: string;
  status: 'open' | 'closed';
  period: { from: string; to: string };
  team: ChargebackJson['rows'][number];
  policies: ChargebackJson['policies'];
  by_workload_class: DrillRowJson[];
  by_model: DrillRowJson[];
  by_day: DrillRowJson[];
}

export function teamDrilldownQuery(team: string, month: string) {
  return queryOptions({
    queryKey: ['chargeback', month, 'team', team] as const,
    queryFn: ({ signal }) =>
      getJson<TeamDrilldown>(`/api/v1/chargeback/teams/${encodeURIComponent(team)}`, { month }, signal),
  });
}
