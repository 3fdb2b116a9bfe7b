/**
 * One team's month broken down by workload class, model or day, from the same cost lines as the
 * report: each breakdown's rows share the team's TCO in cents (largest remainder), so every
 * breakdown adds up to the figure on the Teams page.
 */
import type { Pico } from '../money';
import { apportion } from './apportion';
import type { CostLine } from './lines';
import { CENT } from './report';

export const DRILL_KEYS = ['workload_class', 'model', 'day'] as const;
export type DrillKey = (typeof DRILL_KEYS)[number];

export interface DrillRow {
  key: string;
  layers: [Pico, Pico, Pico, Pico, Pico];
  tco: Pico;
  requests: bigint;
  acceptedWorkflows: bigint;
  outputTokens: bigint;
}

const keyFor: Record<DrillKey, (l: CostLine) => string> = {
  workload_class: (l) => l.workloadClass,
  model: (l) => (l.pool ? `${l.model} @ ${l.pool}` : l.model),
  day: (l) => l.day,
};

/** Rows of `team` by `by`, sorted by key for days and by TCO (largest first) otherwise. */
export function drillDown(lines: readonly CostLine[], team: string, by: DrillKey, teamTco: Pico): DrillRow[] {
  const groups = new Map<string, { layers: Pico[]; requests: bigint; accepted: bigint; output: bigint }>();
  for (const line of lines) {
    if (line.team !== team) continue;
    const key = keyFor[by](line);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { layers: [0n, 0n, 0n, 0n, 0n], requests: 0n, accepted: 0n, output: 0n }));
    [line.l1, line.l2, line.l3, line.l4, line.l5].forEach((v, i) => (g.layers[i]! += v));
    g.requests += line.requests;
    g.accepted += line.acceptedWorkflows;
    g.output += line.outputTokens;
  }
  const keys = [...groups.keys()].sort();
  const exact = keys.map((k) => groups.get(k)!.layers.reduce((a, b) => a + b, 0n));
  const cents = apportion(exact, CENT, teamTco);
  const rows = keys.map((key, i): DrillRow => {
    const g = groups.get(key)!;
    return {
      key,
      layers: apportion(g.layers, CENT, cents[i]!) as DrillRow['layers'],
      tco: cents[i]!,
      requests: g.requests,
      acceptedWorkflows: g.accepted,
      outputTokens: g.output,
    };
  });
  return by === 'day' ? rows : rows.sort((a, b) => (a.tco === b.tco ? 0 : a.tco > b.tco ? -1 : 1));
}
