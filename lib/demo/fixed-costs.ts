/**
 * Monthly fixed costs of the demo, shaped like the fixed_costs table. Each allocation rule of
 * cut-model.md 1.3 appears at least once so every path of the allocator has data to show.
 * Sized to about a third of the default demo's TCO: visible, not dominant.
 */
import type { ALLOCATION_RULES } from '../costing/pricebook';

type AllocationRule = (typeof ALLOCATION_RULES)[number];

export interface DemoFixedCost {
  name: string;
  layer: 2 | 4 | 5;
  category: string;
  /** USD per month, decimal string */
  monthlyUsd: string;
  rule: AllocationRule;
  team: string | null;
  workloadClass: string | null;
  /** rule `fixed`: team slug -> percent, summing to 100 */
  fixedShares: Record<string, number> | null;
  /** YYYY-MM-DD */
  effectiveFrom: string;
}

type Row = Omit<DemoFixedCost, 'effectiveFrom' | 'team' | 'workloadClass' | 'fixedShares'> &
  Partial<Pick<DemoFixedCost, 'team' | 'workloadClass' | 'fixedShares'>>;

const ROWS: Row[] = [
  { name: 'VPC egress and NAT gateways', layer: 2, category: 'network', monthlyUsd: '380.00', rule: 'weighted' },
  { name: 'Private model endpoints (PrivateLink)', layer: 2, category: 'network', monthlyUsd: '120.00', rule: 'even' },
  {
    name: 'Vector index storage',
    layer: 2,
    category: 'storage',
    monthlyUsd: '260.00',
    rule: 'assigned',
    workloadClass: 'internal_knowledge_assistant',
  },
  {
    name: 'Contract archive (object storage)',
    layer: 2,
    category: 'storage',
    monthlyUsd: '90.00',
    rule: 'assigned',
    team: 'legal-ops',
  },
  {
    name: 'Evaluation harness runners',
    layer: 4,
    category: 'evaluation',
    monthlyUsd: '540.00',
    rule: 'fixed',
    fixedShares: { 'legal-ops': 40, platform: 35, research: 25 },
  },
  {
    name: 'Golden-set labelling',
    layer: 4,
    category: 'evaluation',
    monthlyUsd: '400.00',
    rule: 'assigned',
    workloadClass: 'customer_support',
  },
  { name: 'Tracing and log retention', layer: 5, category: 'observability', monthlyUsd: '620.00', rule: 'requests' },
  { name: 'Quality dashboards', layer: 5, category: 'observability', monthlyUsd: '150.00', rule: 'accepted_workflows' },
  {
    name: 'Security review of prompts and tools',
    layer: 5,
    category: 'security_review',
    monthlyUsd: '500.00',
    rule: 'even',
  },
  {
    name: 'Agent sandbox hardening',
    layer: 5,
    category: 'security_review',
    monthlyUsd: '200.00',
    rule: 'assigned',
    workloadClass: 'agentic_coding',
  },
  { name: 'SOC 2 audit (amortized)', layer: 5, category: 'audit', monthlyUsd: '350.00', rule: 'weighted' },
  {
    name: 'Platform engineering upkeep',
    layer: 5,
    category: 'engineering_upkeep',
    monthlyUsd: '1900.00',
    rule: 'output_tokens',
  },
  {
    name: 'On-call and incident response',
    layer: 5,
    category: 'incident_response',
    monthlyUsd: '400.00',
    rule: 'fixed',
    fixedShares: { platform: 50, support: 30, 'legal-ops': 20 },
  },
];

/** The fixed costs, in force from `effectiveFrom` (YYYY-MM-DD, the first of a month). */
export function demoFixedCosts(effectiveFrom: string): DemoFixedCost[] {
  return ROWS.map((r) => ({
    name: r.name,
    layer: r.layer,
    category: r.category,
    monthlyUsd: r.monthlyUsd,
    rule: r.rule,
    team: r.team ?? null,
    workloadClass: r.workloadClass ?? null,
    fixedShares: r.fixedShares ?? null,
    effectiveFrom,
  }));
}
