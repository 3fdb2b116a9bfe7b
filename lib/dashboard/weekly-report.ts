import type { DayRange } from '../dates/range';
import { topReasons } from './breakdown';
import type { Figures } from './figures';
import { biggestMovers, monthlyRunRate, weekOverWeek, type Mover } from './weekly';

export interface ClassInfo {
  slug: string;
  name: string;
  /** the unit of accepted work: "resolved ticket" */
  unit: string;
}

export interface FailureMode {
  reason: string;
  workflows: number;
}

type WeekRow = Figures & { workload_class?: string | null };

export interface WeeklyClassRow {
  slug: string;
  name: string;
  unit: string;
  tcoUsd: string;
  previousTcoUsd: string;
  runRateUsd: string;
  costPerAcceptedUsd: string | null;
  acceptedWorkflows: number;
  p95LatencyMs: number | null;
  retryRate: number | null;
  cacheHitRate: number | null;
  reviewHours: number;
  failures: FailureMode[];
  /** week over week, relative (rates: difference in points); null without a comparable last week */
  wow: {
    tco: number | null;
    costPerAccepted: number | null;
    p95Latency: number | null;
    retryRate: number | null;
    cacheHitRate: number | null;
    reviewHours: number | null;
  };
}

export interface WeeklyReport {
  week: DayRange;
  previous: DayRange;
  total: { tcoUsd: string; runRateUsd: string; tcoChange: number | null; acceptedWorkflows: number };
  classes: WeeklyClassRow[];
  movers: Array<Mover & { name: string }>;
}

const pointsDiff = (now: number | null, before: number | null) =>
  now === null || before === null ? null : now - before;
const dec = (s: string | null | undefined) => (s == null ? null : Number(s));

/**
 * The week-4 operator set per workload class (run rate, cost per accepted workflow, p95 latency,
 * retry and cache-hit rates, review load, failure modes), its change on the week before, and the
 * three classes whose cost moved most, explained by layer. Classes with no cost either week are left out.
 */
export function buildWeeklyReport(input: {
  week: DayRange;
  previous: DayRange;
  classes: readonly ClassInfo[];
  thisWeek: readonly WeekRow[];
  lastWeek: readonly WeekRow[];
  totalThis: Figures | undefined;
  totalLast: Figures | undefined;
  failures: ReadonlyMap<string, FailureMode[]>;
}): WeeklyReport {
  const now = new Map(input.thisWeek.map((r) => [r.workload_class ?? '', r]));
  const before = new Map(input.lastWeek.map((r) => [r.workload_class ?? '', r]));
  const info = new Map(input.classes.map((c) => [c.slug, c]));
  const slugs = [...new Set([...now.keys(), ...before.keys()])].filter((s) => s !== '').sort();
  const classes: WeeklyClassRow[] = [];
  for (const slug of slugs) {
    const r = now.get(slug);
    const b = before.get(slug);
    if (!r && !b) continue;
    const meta = info.get(slug) ?? { slug, name: slug, unit: 'accepted workflow' };
    classes.push({
      slug,
      name: meta.name,
      unit: meta.unit,
      tcoUsd: r?.tco_usd ?? '0.000000',
      previousTcoUsd: b?.tco_usd ?? '0.000000',
      runRateUsd: monthlyRunRate(r?.tco_usd ?? '0'),
      costPerAcceptedUsd: r?.cost_per_accepted_workflow_usd ?? null,
      acceptedWorkflows: r?.accepted_workflows ?? 0,
      p95LatencyMs: r?.p95_latency_ms ?? null,
      retryRate: r?.retry_rate ?? null,
      cacheHitRate: r?.cache_hit_rate ?? null,
      reviewHours: r?.human_review_hours ?? 0,
      failures: input.failures.get(slug) ?? [],
      wow: {
        tco: weekOverWeek(dec(r?.tco_usd), dec(b?.tco_usd)),
        costPerAccepted: weekOverWeek(dec(r?.cost_per_accepted_workflow_usd), dec(b?.cost_per_accepted_workflow_usd)),
        p95Latency: weekOverWeek(r?.p95_latency_ms ?? null, b?.p95_latency_ms ?? null),
        retryRate: pointsDiff(r?.retry_rate ?? null, b?.retry_rate ?? null),
        cacheHitRate: pointsDiff(r?.cache_hit_rate ?? null, b?.cache_hit_rate ?? null),
        reviewHours: weekOverWeek(r?.human_review_hours ?? null, b?.human_review_hours ?? null),
      },
    });
  }
  const movers = biggestMovers(now, before).map((m) => ({ ...m, name: info.get(m.key)?.name ?? m.key }));
  const tco = input.totalThis?.tco_usd ?? '0.000000';
  return {
    week: input.week,
    previous: input.previous,
    total: {
      tcoUsd: tco,
      runRateUsd: monthlyRunRate(tco),
      tcoChange: weekOverWeek(dec(tco), dec(input.totalLast?.tco_usd)),
      acceptedWorkflows: input.totalThis?.accepted_workflows ?? 0,
    },
    classes,
    movers,
  };
}

/** The week's top rejection reasons per class (three each, the rest summed). */
export function failuresByClass(
  rows: ReadonlyArray<{ workload_class?: string | null; reason: string | null; workflows: number }>,
  limit = 3,
): Map<string, FailureMode[]> {
  const byClass = new Map<string, Array<{ reason: string | null; workflows: number }>>();
  for (const r of rows) {
    if (!r.workload_class) continue;
    byClass.set(r.workload_class, [...(byClass.get(r.workload_class) ?? []), r]);
  }
  return new Map(
    [...byClass].map(([slug, list]) => [
      slug,
      topReasons(list, limit).map((t) => ({ reason: t.name, workflows: t.value })),
    ]),
  );
}
