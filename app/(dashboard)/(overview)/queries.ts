import { queryOptions } from '@tanstack/react-query';
import type { OverviewDailyBody } from '@/lib/api/overview-daily';
import type { DayRange } from '@/lib/dates/range';
import { getJson } from '@/app/api-client';

/** The rows travel with the range they answer, so a view showing previous data while the next
 * range loads still maps it onto the right days. */
export type OverviewDaily = OverviewDailyBody & { range: DayRange };

/**
 * Shared by the server page, which prefetches with its own queryFn straight from the database,
 * and the client view, which fetches the same body from the API: one key, one data shape.
 */
export function overviewDailyQuery(range: DayRange) {
  return queryOptions({
    queryKey: ['overview', 'daily', range.from, range.to] as const,
    queryFn: async ({ signal }): Promise<OverviewDaily> => {
      const body = await getJson<OverviewDailyBody>('/api/v1/overview/daily', { ...range }, signal);
      return { ...body, range };
    },
  });
}
