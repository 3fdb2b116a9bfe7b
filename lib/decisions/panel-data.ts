/**
 * What the decisions panels display, mapped from the API bodies: comparison rows with exact
 * differences (money stays decimal strings) and chart rows (plain numbers, display only).
 */
import type { WhatIfBody } from '../api/what-if-wire';
import type { MetricsRow } from '../metrics/derive';
import { formatUnits, parseDecimal } from '../money';
import type { BreakEvenBody } from './break-even-answer';

export type FigureKind = 'usd' | 'usd_unit' | 'count';

export interface ComparisonRow {
  key: string;
  label: string;
  kind: FigureKind;
  /** true for the five layers and their total, which a layer chart shows */
  layer: boolean;
  baseline: string | null;
  projected: string | null;
  /** projected - baseline, exact; null when either side is null */
  change: string | null;
  /** change / baseline in percent, rounded to 0.1; null when the baseline is 0 or null */
  changePct: number | null;
}

type MoneyField = 'tco_usd' | 'l1_usd' | 'l2_usd' | 'l3_usd' | 'l4_usd' | 'l5_usd' | 'idle_usd';
type UnitField = 'cost_per_accepted_workflow_usd' | 'cut_usd_per_1m' | 'sticker_usd_per_1m';
type CountField = 'accepted_workflows' | 'useful_output_tokens' | 'input_tokens' | 'output_tokens';

const FIGURES: ReadonlyArray<
  | { key: MoneyField; label: string; kind: 'usd'; layer: boolean }
  | { key: UnitField; label: string; kind: 'usd_unit'; layer: false }
  | { key: CountField; label: string; kind: 'count'; layer: false }
> = [
  { key: 'tco_usd', label: 'Total cost of ownership', kind: 'usd', layer: true },
  { key: 'l1_usd', label: 'L1 model unit economics', kind: 'usd', layer: true },
  { key: 'l2_usd', label: 'L2 serving infrastructure', kind: 'usd', layer: true },
  { key: 'idle_usd', label: 'of which idle GPU capacity', kind: 'usd', layer: false },
  { key: 'l3_usd', label: 'L3 workload behaviour', kind: 'usd', layer: true },
  { key: 'l4_usd', label: 'L4 orchestration & QC', kind: 'usd', layer: true },
  { key: 'l5_usd', label: 'L5 operations & governance', kind: 'usd', layer: true },
  { key: 'cost_per_accepted_workflow_usd', label: 'Cost per accepted workflow', kind: 'usd_unit', layer: false },
  { key: 'cut_usd_per_1m', label: 'CUT per 1M useful tokens', kind: 'usd_unit', layer: false },
  { key: 'sticker_usd_per_1m', label: 'Sticker price per 1M output tokens', kind: 'usd_unit', layer: false },
  { key: 'accepted_workflows', label: 'Accepted workflows', kind: 'count', layer: false },
  { key: 'useful_output_tokens', label: 'Useful output tokens', kind: 'count', layer: false },
  { key: 'input_tokens', label: 'Input tokens', kind: 'count', layer: false },
  { key: 'output_tokens', label: 'Output tokens', kind: 'count', layer: false },
];

const micro = (usd: string) => parseDecimal(usd, 6);

function compare(baseline: string | null, projected: string | null) {
  if (baseline === null || projected === null) return { change: null, changePct: null };
  const [b, p] = [micro(baseline), micro(projected)];
  const change = formatUnits(p - b, 6, 6);
  // tenths of a percent, half away from zero, from the exact micro-units
  const tenths = b === 0n ? null : Number(((p - b) * 2000n + (p >= b ? b : -b)) / (2n * b));
  return { change, changePct: tenths === null ? null : tenths / 10 };
}

const text = (row: MetricsRow, key: MoneyField | UnitField | CountField): string | null => {
  const value = row[key];
  return value === null || value === undefined ? null : String(value);
};

export function whatIfComparison(body: WhatIfBody): ComparisonRow[] {
  const rows = FIGURES.map((f): ComparisonRow => {
    const baseline = text(body.baseline, f.key);
    const projected = text(body.projected, f.key);
    return {
      key: f.key,
      label: f.label,
      kind: f.kind,
      layer: f.layer,
      baseline,
      projected,
      ...compare(baseline, projected),
    };
  });
  const org = body.organisation;
  rows.push({
    key: 'organisation_tco_usd',
    label: 'Organisation TCO (every class)',
    kind: 'usd',
    layer: false,
    baseline: org.baseline_tco_usd,
    projected: org.projected_tco_usd,
    ...compare(org.baseline_tco_usd, org.projected_tco_usd),
  });
  return rows;
}

export const BASELINE = 'Observed';
export const PROJECTED = 'What-if';

/** The five layers, observed and projected, for a grouped bar chart (numbers: display only). */
export function layerChartRows(rows: readonly ComparisonRow[]): Array<Record<string, string | number>> {
  return rows
    .filter((r) => r.layer && r.key !== 'tco_usd')
    .map((r) => ({
      layer: r.label.split(' ')[0]!,
      [BASELINE]: Number(r.baseline ?? 0),
      [PROJECTED]: Number(r.projected ?? 0),
    }));
}

export const API_SERIES = 'Managed API';
export const POOL_SERIES = 'Dedicated pool';
export const HYBRID_SERIES = 'Hybrid';
export const OBSERVED_SERIES = 'Observed volume';

/**
 * The cost curves by monthly volume. The observed volume is the one point of its own series, at
 * the cost of what runs today; the other rows leave that key out (Tremor draws a lone point as a
 * dot only when no other row has the key, null or not).
 */
export function breakEvenChartRows(body: BreakEvenBody): Array<Record<string, number>> {
  return body.curve.map((p) => {
    const row: Record<string, number> = {
      tokens: p.tokens_per_month,
      [API_SERIES]: Number(p.api_usd),
      [POOL_SERIES]: Number(p.pool_usd),
    };
    if (p.hybrid_usd !== null) row[HYBRID_SERIES] = Number(p.hybrid_usd);
    if (p.tokens_per_month === body.observed_tokens_per_month) {
      row[OBSERVED_SERIES] = Number(body.current === 'pool' ? p.pool_usd : p.api_usd);
    }
    return row;
  });
}
