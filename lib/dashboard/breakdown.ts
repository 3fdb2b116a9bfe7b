import type { GroupKey } from '../metrics/keys';
import type { Figures } from './figures';

type Keyed = Figures & Partial<Record<GroupKey, string | null>>;

export const LAYER_NAMES = [
  'L1 model',
  'L2 serving',
  'L3 workload behaviour',
  'L4 orchestration & QC',
  'L5 operations',
] as const;
export type LayerBar = { name: string } & Record<(typeof LAYER_NAMES)[number], number>;

/** A group's display name: a managed API has no pool. */
export function groupName(row: Partial<Record<GroupKey, string | null>>, keys: readonly GroupKey[]): string {
  return keys
    .map((k) => {
      const v = row[k];
      if (k === 'pool') return v ?? 'managed API';
      return v ?? '(none)';
    })
    .join(' @ ');
}

/** Groups by TCO, dearest first, each as stacked layer bars; rows that cost nothing are left out. */
export function toLayerBars(rows: readonly Keyed[], keys: readonly GroupKey[]): LayerBar[] {
  return [...rows]
    .filter((r) => Number(r.tco_usd) !== 0)
    .sort((a, b) => Number(b.tco_usd) - Number(a.tco_usd))
    .map((r) => ({
      name: groupName(r, keys),
      'L1 model': Number(r.l1_usd),
      'L2 serving': Number(r.l2_usd),
      'L3 workload behaviour': Number(r.l3_usd),
      'L4 orchestration & QC': Number(r.l4_usd),
      'L5 operations': Number(r.l5_usd),
    }));
}

export const SPLIT_NAMES = ['Uncached input', 'Cached input', 'Output'] as const;

export interface SplitRow {
  input_usd: string;
  cached_input_usd: string;
  output_usd: string;
  unsplit_usd: string;
}

/** Direct cost per group split by token kind, dearest first. */
export function toSplitBars(
  rows: ReadonlyArray<SplitRow & Partial<Record<GroupKey, string | null>>>,
  keys: readonly GroupKey[],
) {
  return rows
    .map((r) => ({
      name: groupName(r, keys),
      'Uncached input': Number(r.input_usd),
      'Cached input': Number(r.cached_input_usd),
      Output: Number(r.output_usd),
    }))
    .filter((b) => b['Uncached input'] + b['Cached input'] + b.Output > 0)
    .sort(
      (a, b) =>
        b['Uncached input'] + b['Cached input'] + b.Output - (a['Uncached input'] + a['Cached input'] + a.Output),
    );
}

/** The input share of a split (uncached and cached input over all three); null when nothing was split. */
export function inputShare(rows: readonly SplitRow[]): number | null {
  let input = 0;
  let total = 0;
  for (const r of rows) {
    input += Number(r.input_usd) + Number(r.cached_input_usd);
    total += Number(r.input_usd) + Number(r.cached_input_usd) + Number(r.output_usd);
  }
  return total > 0 ? input / total : null;
}

/**
 * The most frequent rejection reasons, the rest summed as "other reasons"; a rejection without a
 * reason is shown as such rather than dropped.
 */
export function topReasons(
  rows: ReadonlyArray<{ reason: string | null; workflows: number }>,
  limit = 6,
): Array<{ name: string; value: number }> {
  const sorted = [...rows].sort((a, b) => b.workflows - a.workflows || (a.reason ?? '').localeCompare(b.reason ?? ''));
  const top = sorted.slice(0, limit).map((r) => ({ name: r.reason ?? '(no reason given)', value: r.workflows }));
  const rest = sorted.slice(limit).reduce((sum, r) => sum + r.workflows, 0);
  return rest > 0 ? [...top, { name: 'other reasons', value: rest }] : top;
}
