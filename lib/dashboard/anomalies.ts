import { addDays } from '../dates/days';
import type { DayRange } from '../dates/range';
import { median } from './deltas';
import type { Figures } from './figures';

/** The figures the anomaly list watches per workload class. */
const WATCHED = ['cut', 'retry_rate', 'prompt_length'] as const;
type WatchedFigure = (typeof WATCHED)[number];

/** The figures the anomaly rules read, per class and day. */
export type ClassDayRow = Pick<Figures, 'requests' | 'input_tokens' | 'retry_rate' | 'cut_usd_per_1m'> & {
  day?: string | null;
  workload_class?: string | null;
};

/** Each watched figure as a number; prompt length is input tokens per request. */
const VALUE: Record<WatchedFigure, (row: ClassDayRow) => number | null> = {
  cut: (r) => (r.cut_usd_per_1m === null ? null : Number(r.cut_usd_per_1m)),
  retry_rate: (r) => r.retry_rate,
  prompt_length: (r) => (r.requests > 0 ? r.input_tokens / r.requests : null),
};

interface AnomalyBase {
  workloadClass: string;
  figure: WatchedFigure;
  direction: 'up' | 'down';
  /** the day to open: the spike's day, or the first day a drift passed its threshold */
  day: string;
  value: number;
  /** how unusual, for ordering: multiples of the allowed margin beyond the range */
  severity: number;
}

/** One day outside the range the figure kept over the 14 days before it. */
interface Spike extends AnomalyBase {
  kind: 'spike';
  recent: { low: number; high: number; median: number };
}

/** A slow move: the last 7 days' median against the range's first 7 days. */
interface Drift extends AnomalyBase {
  kind: 'drift';
  baseline: number;
  /** (value - baseline) / baseline */
  change: number;
  since: string;
}

export type Anomaly = Spike | Drift;

/** Days before a day that define its recent range; two weeks hold two weekends. */
export const LOOKBACK_DAYS = 14;
/** A day with under half its usual traffic is too thin to judge (weekends, holidays). */
const MIN_VOLUME_SHARE = 0.5;
const MIN_BASELINE_DAYS = 5;
/** Beyond the range by its own width, and at least 25% of its median: noise rarely goes that far. */
const MIN_RELATIVE_MARGIN = 0.25;
const DRIFT_THRESHOLD = 0.15;
/** Spearman's rank correlation with time: how steadily the figure moved one way. */
const DRIFT_MIN_RHO = 0.6;
const DRIFT_MIN_DAYS = 21;

/** Fewer retries never cost money: only a rise in the retry rate is an anomaly. */
const UPWARD_ONLY: ReadonlySet<WatchedFigure> = new Set(['retry_rate']);

/**
 * Classes whose CUT, retry rate or prompt length left their recent range on a day of `range`
 * (spikes) or moved steadily across it (drifts). `rows` are grouped by day and workload class and
 * should start LOOKBACK_DAYS before the range so its first days have a baseline.
 */
export function detectAnomalies(rows: readonly ClassDayRow[], range: DayRange): Anomaly[] {
  const byClass = new Map<string, Map<string, ClassDayRow>>();
  for (const row of rows) {
    if (!row.day || !row.workload_class) continue;
    const days = byClass.get(row.workload_class) ?? new Map<string, ClassDayRow>();
    days.set(row.day, row);
    byClass.set(row.workload_class, days);
  }
  const found: Anomaly[] = [];
  for (const [workloadClass, days] of byClass) {
    for (const figure of WATCHED) {
      found.push(...spikes(workloadClass, figure, days, range));
      const drift = driftOf(workloadClass, figure, days, range);
      if (drift) found.push(drift);
    }
  }
  return found.sort((a, b) => (a.day === b.day ? b.severity - a.severity : a.day < b.day ? 1 : -1));
}

function spikes(
  workloadClass: string,
  figure: WatchedFigure,
  days: ReadonlyMap<string, ClassDayRow>,
  range: DayRange,
): Spike[] {
  const valueOf = VALUE[figure];
  const out: Spike[] = [];
  for (const [day, row] of days) {
    if (day < range.from || day > range.to) continue;
    const value = valueOf(row);
    if (value === null) continue;
    const trail: ClassDayRow[] = [];
    for (let i = 1; i <= LOOKBACK_DAYS; i++) {
      const r = days.get(addDays(day, -i));
      if (r) trail.push(r);
    }
    const usual = median(trail.map((r) => r.requests)) ?? 0;
    if (usual === 0 || row.requests < MIN_VOLUME_SHARE * usual) continue;
    const base = trail
      .filter((r) => r.requests >= MIN_VOLUME_SHARE * usual)
      .map(valueOf)
      .filter((v): v is number => v !== null);
    if (base.length < MIN_BASELINE_DAYS) continue;
    const low = Math.min(...base);
    const high = Math.max(...base);
    const mid = median(base)!;
    const margin = Math.max(high - low, MIN_RELATIVE_MARGIN * Math.abs(mid));
    if (margin === 0) continue;
    const above = value - (high + margin);
    const below = low - margin - value;
    const direction = above > 0 ? 'up' : below > 0 && !UPWARD_ONLY.has(figure) ? 'down' : null;
    if (!direction) continue;
    const beyond = direction === 'up' ? value - high : low - value;
    out.push({
      kind: 'spike',
      workloadClass,
      figure,
      direction,
      day,
      value,
      severity: beyond / margin,
      recent: { low, high, median: mid },
    });
  }
  return out;
}

function driftOf(
  workloadClass: string,
  figure: WatchedFigure,
  days: ReadonlyMap<string, ClassDayRow>,
  range: DayRange,
): Drift | null {
  const valueOf = VALUE[figure];
  const inRange = [...days]
    .filter(([day]) => day >= range.from && day <= range.to)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const usual = median(inRange.map(([, r]) => r.requests)) ?? 0;
  const series = inRange
    .filter(([, r]) => r.requests >= MIN_VOLUME_SHARE * usual)
    .map(([day, r]) => ({ day, value: valueOf(r) }))
    .filter((p): p is { day: string; value: number } => p.value !== null);
  if (series.length < DRIFT_MIN_DAYS) return null;
  const baseline = median(series.slice(0, 7).map((p) => p.value))!;
  const latest = median(series.slice(-7).map((p) => p.value))!;
  if (baseline === 0) return null;
  const change = (latest - baseline) / Math.abs(baseline);
  const rho = spearman(series.map((p) => p.value));
  const steady = Math.abs(rho) >= DRIFT_MIN_RHO && Math.sign(rho) === Math.sign(change);
  if (Math.abs(change) < DRIFT_THRESHOLD || !steady) return null;
  if (change < 0 && UPWARD_ONLY.has(figure)) return null;
  // The day the trailing 7-day median first passed the threshold: when the drift became visible.
  let crossed = series[series.length - 1]!.day;
  for (let i = 13; i < series.length; i++) {
    const m = median(series.slice(i - 6, i + 1).map((p) => p.value))!;
    if (Math.abs(m - baseline) / Math.abs(baseline) >= DRIFT_THRESHOLD) {
      crossed = series[i]!.day;
      break;
    }
  }
  return {
    kind: 'drift',
    workloadClass,
    figure,
    direction: change > 0 ? 'up' : 'down',
    day: crossed,
    value: latest,
    baseline,
    change,
    since: series[0]!.day,
    severity: Math.abs(change) / DRIFT_THRESHOLD,
  };
}

/** Spearman's rho of the values against their order (1 = rising every step). */
export function spearman(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(n);
  for (let k = 0; k < n;) {
    let j = k;
    while (j + 1 < n && order[j + 1]!.v === order[k]!.v) j++;
    for (let t = k; t <= j; t++) ranks[order[t]!.i] = (k + j) / 2; // ties share their mean rank
    k = j + 1;
  }
  const mean = (n - 1) / 2;
  let num = 0;
  let denX = 0;
  let denY = 0;
  for (let i = 0; i < n; i++) {
    num += (ranks[i]! - mean) * (i - mean);
    denX += (ranks[i]! - mean) ** 2;
    denY += (i - mean) ** 2;
  }
  return denX === 0 ? 0 : num / Math.sqrt(denX * denY);
}
