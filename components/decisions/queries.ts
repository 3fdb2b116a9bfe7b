import { queryOptions } from '@tanstack/react-query';
import { getJson, postJson } from '@/app/api-client';
import type { BreakEvenBody } from '@/lib/decisions/break-even-answer';
import type { DecisionOptionsBody } from '@/lib/api/decision-options-wire';
import type { RecommendationsBody } from '@/lib/api/recommendations-wire';
import type { WhatIfBody } from '@/lib/api/what-if-wire';
import type { DayRange } from '@/lib/dates/range';

/** The body of `POST /api/v1/what-if` as the panel sends it (wire names). */
export interface WhatIfRequest {
  from: string;
  to: string;
  workload_class: string | null;
  changes: Record<string, unknown>;
}

export const decisionOptionsQuery = (range: DayRange) =>
  queryOptions({
    queryKey: ['decisions', 'options', range.from, range.to] as const,
    queryFn: ({ signal }) => getJson<DecisionOptionsBody>('/api/v1/decision-options', { ...range }, signal),
  });

export const whatIfQuery = (request: WhatIfRequest) =>
  queryOptions({
    queryKey: ['decisions', 'what-if', request] as const,
    queryFn: ({ signal }) => postJson<WhatIfBody>('/api/v1/what-if', request, signal),
  });

export const breakEvenQuery = (params: Record<string, string>) =>
  queryOptions({
    queryKey: ['decisions', 'break-even', params] as const,
    queryFn: ({ signal }) => getJson<BreakEvenBody>('/api/v1/break-even', params, signal),
  });

export const recommendationsQuery = (range: DayRange) =>
  queryOptions({
    queryKey: ['decisions', 'recommendations', range.from, range.to] as const,
    queryFn: ({ signal }) => getJson<RecommendationsBody>('/api/v1/recommendations', { ...range }, signal),
  });
