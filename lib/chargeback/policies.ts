import type { ALLOCATION_RULES, IDLE_POLICIES } from '../costing/pricebook';
import type { LineKey } from './lines';

type AllocationRule = (typeof ALLOCATION_RULES)[number];

/** A fixed cost's split rule as the report prints it (and as a closed month froze it). */
export interface FixedCostPolicy {
  id: number;
  name: string;
  layer: 2 | 4 | 5;
  category: string;
  /** decimal string */
  monthlyUsd: string;
  rule: AllocationRule;
  team: string | null;
  workloadClass: string | null;
  fixedShares: Record<string, number> | null;
}

/** The allocation policies in force for a month's figures. */
export interface Policies {
  idlePolicy: (typeof IDLE_POLICIES)[number];
  fixedCosts: FixedCostPolicy[];
}

/** How a cost came to a team: its own events, idle GPU capacity, a shared fixed cost, or one assigned to it. */
export const COST_KINDS = ['direct', 'idle', 'shared', 'assigned'] as const;
export type CostKind = (typeof COST_KINDS)[number];

/** Review time is the team's own work, so it counts as direct; a fixed cost is shared unless assigned. */
export function costKindOf(line: Pick<LineKey, 'kind' | 'source'>, policies: Policies): CostKind {
  switch (line.kind) {
    case 'usage':
    case 'review':
      return 'direct';
    case 'idle':
      return 'idle';
    case 'fixed': {
      const cost = policies.fixedCosts.find((f) => String(f.id) === line.source);
      return cost?.rule === 'assigned' ? 'assigned' : 'shared';
    }
  }
}

const RULE_TEXT: Record<AllocationRule, string> = {
  assigned: 'assigned',
  weighted: 'shared by direct cost',
  even: 'shared evenly over the teams active each day',
  fixed: 'shared by fixed percentages',
  requests: 'shared by requests',
  output_tokens: 'shared by output tokens',
  accepted_workflows: 'shared by accepted workflows',
};

/** One line a person can read: "shared by fixed percentages (platform 50%, support 30%, legal-ops 20%)". */
export function describeRule(cost: FixedCostPolicy): string {
  if (cost.rule === 'assigned') {
    const to = [cost.team, cost.workloadClass && `class ${cost.workloadClass}`].filter(Boolean).join(', ');
    return `assigned to ${to || 'no one (unallocated)'}`;
  }
  if (cost.rule === 'fixed' && cost.fixedShares) {
    const shares = Object.entries(cost.fixedShares)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([team, pct]) => `${team} ${pct}%`)
      .join(', ');
    return `${RULE_TEXT.fixed} (${shares})`;
  }
  return RULE_TEXT[cost.rule];
}

export const IDLE_POLICY_TEXT: Record<Policies['idlePolicy'], string> = {
  share: "spread over each pool's users by GPU-hours that day",
  separate: 'kept on the unallocated line',
};
