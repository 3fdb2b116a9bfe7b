'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { RepricingJobJson } from '@/lib/api/repricing-wire';
import { isActive, summarizeJob } from '@/lib/dashboard/repricing';
import { repricingJobsQuery } from './queries';

const TONE = {
  waiting: 'border-tremor-border-default',
  running: 'border-blue-300 dark:border-blue-800',
  done: 'border-emerald-300 dark:border-emerald-800',
  failed: 'border-red-300 dark:border-red-800',
} as const;

/**
 * The latest re-pricing jobs, polled every second while a save is under way (a small re-price runs
 * inside it) or a job waits or runs. When the last one finishes, every cached figure is dropped so
 * the dashboards show the re-priced numbers.
 */
export function RepricingStatus({ initial, saving }: { initial: RepricingJobJson[]; saving: boolean }) {
  const queryClient = useQueryClient();
  const [active, setActive] = useState(initial.some(isActive));
  const jobs = useQuery({ ...repricingJobsQuery(active || saving), initialData: initial }).data ?? [];
  const polling = jobs.some(isActive);
  if (polling !== active) setActive(polling);
  const wasActive = useRef(polling);
  useEffect(() => {
    if (wasActive.current && !polling) {
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'settings' });
      void queryClient.invalidateQueries({ queryKey: ['settings'], exact: true });
    }
    wasActive.current = polling;
  }, [polling, queryClient]);

  const latest = jobs.slice(0, 3).map(summarizeJob);
  return (
    <section aria-labelledby="repricing-heading" className="mb-6" data-testid="repricing-status">
      <h2 id="repricing-heading" className="mb-2 text-tremor-default font-semibold text-tremor-content-strong">
        Re-pricing
      </h2>
      <div role="status" aria-live="polite" className="space-y-2">
        {latest.length === 0 ? (
          <p className="text-tremor-default">
            No re-pricing has run yet. Every change to a price re-prices the days it affects.
          </p>
        ) : (
          latest.map((s, i) => (
            <div
              key={s.id}
              data-testid={i === 0 ? 'repricing-latest' : undefined}
              data-state={s.state}
              className={`rounded-tremor-default border bg-tremor-background-default p-3 text-tremor-default ${TONE[s.state]} ${i > 0 ? 'opacity-70' : ''}`}
            >
              <p className={i === 0 ? 'font-medium text-tremor-content-strong' : ''}>{s.text}</p>
              {s.state === 'running' || s.state === 'waiting' ? (
                <div
                  role="progressbar"
                  aria-label="Re-pricing progress"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(s.progress * 100)}
                  className="mt-2 h-1.5 w-full rounded-full bg-tremor-background-subtle"
                >
                  <div
                    className="h-1.5 rounded-full bg-blue-500"
                    style={{ width: `${Math.round(s.progress * 100)}%` }}
                  />
                </div>
              ) : null}
            </div>
          ))
        )}
      </div>
    </section>
  );
}
