import { usdToPico } from '../money';
import type { Figures } from './figures';

/** What the bars are measured in: the period's total, per accepted workflow, or per 1M useful tokens. */
export type WaterfallBasis = 'total' | 'per_accepted' | 'per_1m_useful';

export interface WaterfallStep {
  label: string;
  /** what this step adds (the total step: the whole) */
  value: number;
  /** where its bar starts and ends on the value axis */
  start: number;
  end: number;
  kind: 'start' | 'add' | 'total';
}

export type WaterfallInput = Pick<
  Figures,
  | 'l1_usd'
  | 'l2_usd'
  | 'l3_usd'
  | 'l4_usd'
  | 'l5_usd'
  | 'idle_usd'
  | 'l2_fixed_usd'
  | 'tco_usd'
  | 'accepted_workflows'
  | 'useful_output_tokens'
>;

/**
 * From the sticker cost of the tokens to the full cost, layer by layer (cut-model.md 3): tokens at
 * their price (L1 and L2 serving, less idle and fixed infrastructure), then idle capacity, fixed
 * infrastructure, retries and retrieved context (L3), orchestration and review (L4), operations
 * (L5). Divided by accepted work the last bar is the cost per accepted workflow, or CUT per 1M
 * useful tokens; null when there is nothing to divide by.
 */
export function waterfallSteps(row: WaterfallInput, basis: WaterfallBasis): WaterfallStep[] | null {
  const idle = usdToPico(row.idle_usd);
  const fixed = usdToPico(row.l2_fixed_usd);
  const parts: Array<[string, bigint]> = [
    ['Sticker cost of tokens', usdToPico(row.l1_usd) + usdToPico(row.l2_usd) - idle - fixed],
    ['+ Idle capacity', idle],
    ['+ Infrastructure (fixed)', fixed],
    ['+ Retries and retrieval', usdToPico(row.l3_usd)],
    ['+ Orchestration and review', usdToPico(row.l4_usd)],
    ['+ Operations', usdToPico(row.l5_usd)],
  ];
  const divisor =
    basis === 'total' ? 1 : basis === 'per_accepted' ? row.accepted_workflows : row.useful_output_tokens / 1e6;
  if (!(divisor > 0)) return null;
  const scale = (pico: bigint) => Number(pico) / 1e12 / divisor;
  const steps: WaterfallStep[] = [];
  let running = 0n;
  for (const [label, pico] of parts) {
    const start = scale(running);
    running += pico;
    steps.push({ label, value: scale(pico), start, end: scale(running), kind: steps.length === 0 ? 'start' : 'add' });
  }
  const total = scale(running);
  const name = basis === 'total' ? 'TCO' : basis === 'per_accepted' ? 'Cost per accepted workflow' : 'CUT';
  steps.push({ label: name, value: total, start: 0, end: total, kind: 'total' });
  return steps;
}
