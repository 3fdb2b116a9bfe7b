/**
 * The weekly review's migration recommendations: for each class, the cheapest of its break-even
 * answers (one per pool) and, when it says to move, the what-if of that move over the same
 * period, so the review sees the class's own figures and what the organisation pays in total.
 */
import type { WhatIfBody } from '../api/what-if-wire';
import { formatUsd } from '../format/numbers';
import { parseDecimal } from '../money';
import type { BreakEvenBody } from './break-even-answer';

export type MigrationAction = 'move_to_pool' | 'move_to_api' | 'hybrid' | 'stay';

export interface MigrationRecommendation {
  workload_class: string;
  action: MigrationAction;
  pool: string;
  api: { provider: string; model: string };
  current: 'api' | 'pool';
  current_usd_per_month: string;
  proposed_usd_per_month: string;
  saving_usd_per_month: string;
  observed_tokens_per_month: number;
  break_even_tokens_per_month: number | null;
  /** the move re-priced over the period by the what-if: the class and the organisation */
  what_if: {
    class_tco_usd: { baseline: string; projected: string };
    organisation_tco_usd: { baseline: string; projected: string };
  } | null;
  summary: string;
}

const micro = (usd: string) => parseDecimal(usd, 6);

export function actionOf(a: BreakEvenBody): MigrationAction {
  const option = a.recommendation.option;
  if (option === a.current) return 'stay';
  if (option === 'hybrid') return 'hybrid';
  return option === 'pool' ? 'move_to_pool' : 'move_to_api';
}

/** Per class, the answer that saves the most a month (the first on a tie). */
export function bestPerClass(answers: readonly BreakEvenBody[]): BreakEvenBody[] {
  const best = new Map<string, BreakEvenBody>();
  for (const a of answers) {
    const seen = best.get(a.workload_class);
    if (!seen || micro(a.recommendation.saving_usd_per_month) > micro(seen.recommendation.saving_usd_per_month)) {
      best.set(a.workload_class, a);
    }
  }
  return [...best.values()];
}

function whatIfSentence(w: WhatIfBody, pool: string): string {
  const org = w.organisation;
  const dearer = micro(org.projected_tco_usd) > micro(org.baseline_tco_usd);
  return (
    ` Re-priced over ${w.from} to ${w.to}, the class would cost ${formatUsd(w.projected.tco_usd)} instead of ` +
    `${formatUsd(w.baseline.tco_usd)}, and the organisation ${formatUsd(org.projected_tco_usd)} instead of ` +
    `${formatUsd(org.baseline_tco_usd)}` +
    (dearer
      ? `: ${pool} keeps billing its provisioned GPUs until it is resized.`
      : ' (idle capacity and shared costs follow the move).')
  );
}

/** Moves first, the largest monthly saving first; classes that should stay come last, by class. */
export function migrationRecommendations(
  chosen: ReadonlyArray<{ answer: BreakEvenBody; whatIf: WhatIfBody | null }>,
): MigrationRecommendation[] {
  const list = chosen.map(({ answer: a, whatIf }): MigrationRecommendation => {
    const option = a.recommendation.option;
    return {
      workload_class: a.workload_class,
      action: actionOf(a),
      pool: a.pool,
      api: a.api,
      current: a.current,
      current_usd_per_month: a.monthly_usd_at_observed[a.current],
      proposed_usd_per_month: a.monthly_usd_at_observed[option] ?? a.monthly_usd_at_observed[a.current],
      saving_usd_per_month: a.recommendation.saving_usd_per_month,
      observed_tokens_per_month: a.observed_tokens_per_month,
      break_even_tokens_per_month: a.break_even_tokens_per_month,
      what_if: whatIf && {
        class_tco_usd: { baseline: whatIf.baseline.tco_usd, projected: whatIf.projected.tco_usd },
        organisation_tco_usd: {
          baseline: whatIf.organisation.baseline_tco_usd,
          projected: whatIf.organisation.projected_tco_usd,
        },
      },
      summary: a.recommendation.summary + (whatIf ? whatIfSentence(whatIf, a.pool) : ''),
    };
  });
  const rank = (r: MigrationRecommendation) => (r.action === 'stay' ? 1 : 0);
  return list.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 0 ? Number(micro(b.saving_usd_per_month) - micro(a.saving_usd_per_month)) : 0) ||
      (a.workload_class < b.workload_class ? -1 : a.workload_class > b.workload_class ? 1 : 0),
  );
}
