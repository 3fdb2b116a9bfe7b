import { queryOptions } from '@tanstack/react-query';
import { isActive } from '@/lib/dashboard/repricing';
import { loadRepricingJobs, loadSettings } from './actions/read';

/**
 * The Settings data goes through server actions, not the admin API: the admin key must never
 * reach a browser. The server page prefetches with the same key from the database directly.
 */
export function settingsQuery() {
  return queryOptions({ queryKey: ['settings'] as const, queryFn: () => loadSettings() });
}

/** While a re-pricing job waits or runs, progress is polled every second. */
export function repricingJobsQuery() {
  return queryOptions({
    queryKey: ['settings', 'repricing-jobs'] as const,
    queryFn: () => loadRepricingJobs(),
    refetchInterval: (query) => ((query.state.data ?? []).some(isActive) ? 1000 : false),
  });
}
