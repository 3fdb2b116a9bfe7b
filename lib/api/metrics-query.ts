import { z } from 'zod';

import type { MetricsRow } from '../metrics/derive';
import { FILTER_KEYS, GROUP_KEYS, type GroupKey, type MetricsFilters } from '../metrics/keys';
import { unknownParameters, queryDay as day } from './query-params';

/** `GET /api/v1/metrics` after validation: an inclusive day range, grouping keys in the order asked, filters. */
export interface MetricsQuery {
  from: string;
  to: string;
  groupBy: GroupKey[];
  filters: MetricsFilters;
}

export interface MetricsBody {
  rows: MetricsRow[];
}

const MAX_SPAN_YEARS = 3;

const PARAMS = ['from', 'to', 'group_by', ...FILTER_KEYS] as const;

/**
 * A comma list with blanks trimmed and duplicates dropped. An empty parameter (`team=`, as a form
 * sends it) means "not given"; an empty item inside a list (`a,,b`) is a mistake and is refused.
 */
const commaList = z
  .string()
  .optional()
  .transform((raw, ctx): string[] | undefined => {
    if (raw === undefined || raw.trim() === '') return undefined;
    const items = raw.split(',').map((s) => s.trim());
    if (items.includes('')) {
      ctx.addIssue({ code: 'custom', message: 'empty item in the list; separate values with single commas' });
      return z.NEVER;
    }
    return [...new Set(items)];
  });

const groupBy = commaList.transform((keys, ctx): GroupKey[] => {
  const unknown = keys?.find((k) => !(GROUP_KEYS as readonly string[]).includes(k));
  if (unknown !== undefined) {
    ctx.addIssue({ code: 'custom', message: `unknown key ${JSON.stringify(unknown)}; use ${GROUP_KEYS.join(', ')}` });
    return z.NEVER;
  }
  return (keys ?? []) as GroupKey[];
});

/** The first day past a span of `years` calendar years starting on `from` (Feb 29 rolls to Mar 1). */
function endOfSpan(from: string, years: number): number {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y + years, m - 1, d); // not Date.UTC: it maps years 0-99 to 19xx
  return date.getTime();
}

const withinSpan = (r: { from: string; to: string }) =>
  Date.parse(`${r.to}T00:00:00Z`) < endOfSpan(r.from, MAX_SPAN_YEARS);

/**
 * Unknown parameters are refused rather than ignored: a misspelt filter (`teams=`) would otherwise
 * return unfiltered totals that look plausible.
 */
export const metricsQuery = z
  .strictObject(
    {
      from: day,
      to: day,
      group_by: groupBy,
      team: commaList,
      workload_class: commaList,
      model: commaList,
      pool: commaList,
      provider: commaList,
    },
    { error: unknownParameters(PARAMS) },
  )
  .refine((q) => q.from <= q.to, { path: ['to'], error: 'must be on or after from' })
  .refine((q) => q.from > q.to || withinSpan(q), {
    path: ['to'],
    error: `the range may span at most ${MAX_SPAN_YEARS} years`,
  })
  .transform(({ from, to, group_by, ...rest }): MetricsQuery => {
    const filters: MetricsFilters = {};
    for (const key of FILTER_KEYS) if (rest[key]) filters[key] = rest[key];
    return { from, to, groupBy: group_by, filters };
  });
