import { drillDown, DRILL_KEYS, type DrillRow } from '../chargeback/drilldown';
import type { CostLine } from '../chargeback/lines';
import type { TeamRow } from '../chargeback/report';
import { formatUnits, PICO_DIGITS } from '../money';

const usd = (pico: bigint) => formatUnits(pico, PICO_DIGITS, 6);

const drillJson = (r: DrillRow) => ({
  key: r.key,
  l1_usd: usd(r.layers[0]),
  l2_usd: usd(r.layers[1]),
  l3_usd: usd(r.layers[2]),
  l4_usd: usd(r.layers[3]),
  l5_usd: usd(r.layers[4]),
  tco_usd: usd(r.tco),
  requests: Number(r.requests),
  accepted_workflows: Number(r.acceptedWorkflows),
  output_tokens: Number(r.outputTokens),
});

export type DrillRowJson = ReturnType<typeof drillJson>;

/** One team's month by workload class, model and day; each breakdown adds up to the team's TCO. */
export function toTeamDrilldownJson(lines: readonly CostLine[], row: TeamRow) {
  const by = Object.fromEntries(
    DRILL_KEYS.map((key) => [key, drillDown(lines, row.team, key, row.tco).map(drillJson)]),
  ) as Record<(typeof DRILL_KEYS)[number], DrillRowJson[]>;
  return { by_workload_class: by.workload_class, by_model: by.model, by_day: by.day };
}
