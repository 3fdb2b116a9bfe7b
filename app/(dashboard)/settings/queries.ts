import { queryOptions } from '@tanstack/react-query';
import { getJson } from '@/app/api-client';
import type { RepricingJobJson } from '@/lib/api/repricing-wire';
import { loadSettings } from './actions/read';

/**
 * The Settings data goes through server actions, not the admin API: the admin key must never
 * reach a browser. The server page prefetches with the same key from the database directly.
 */
export function settingsQuery() {
  return queryOptions({ queryKey: ['settings'] as const, queryFn: () => loadSettings() });
}

/** The latest re-pricing jobs; the caller polls while one runs or a save is under way. */
export function repricingJobsQuery(polling: boolean) {
  return queryOptions({
    queryKey: ['settings', 'repricing-jobs'] as const,
    queryFn: async ({ signal }) => (await getJson<{ jobs: RepricingJobJson[] }>('/settings/jobs', {}, signal)).jobs,
    refetchInterval: polling ? 1000 : false,
  });
}
