import { z } from 'zod';
import type { FixedCostInput } from '@/db/writes/fixed-costs';
import { slug, text } from '@/ingest/native/rules';
import { calendarDay, decimalAmount, oneOf } from '@/lib/api/config-fields';
import { percent, sharesSumProblem } from '@/lib/api/fixed-shares';
import { ALLOCATION_RULES } from '@/lib/costing/pricebook';

/**
 * A fixed cost as POST creates it and PUT replaces it. Fields that only one rule reads are refused
 * under the others, so a cost never carries a team or split that silently does nothing.
 */
export const FixedCostBody = z
  .strictObject({
    name: text(200),
    layer: z.literal([2, 4, 5], { error: 'must be 2 (infrastructure), 4 (orchestration) or 5 (operations)' }),
    category: text(100),
    monthly_usd: decimalAmount(),
    rule: oneOf(ALLOCATION_RULES).default('weighted'),
    team: slug.nullable().optional(),
    workload_class: slug.nullable().optional(),
    fixed_shares: z
      .record(slug, percent, {
        error: (issue) =>
          issue.code === 'invalid_key'
            ? 'keys must be team slugs: lowercase letters, digits, _ or -'
            : 'must be an object of team slug -> percentage',
      })
      .nullable()
      .optional(),
    effective_from: calendarDay,
    effective_to: calendarDay.nullable().optional(),
  })
  .superRefine((body, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (body.rule === 'assigned' && !body.team) issue('team', 'is required when rule is assigned');
    if (body.rule !== 'assigned' && body.team) issue('team', 'only applies when rule is assigned');
    if (body.rule !== 'assigned' && body.workload_class) issue('workload_class', 'only applies when rule is assigned');
    if (body.rule === 'fixed') {
      const problem = body.fixed_shares ? sharesSumProblem(body.fixed_shares) : 'is required when rule is fixed';
      if (problem) issue('fixed_shares', problem);
    } else if (body.fixed_shares) {
      issue('fixed_shares', 'only applies when rule is fixed');
    }
    if (body.effective_to && body.effective_to < body.effective_from) {
      issue('effective_to', 'must be on or after effective_from');
    }
  });

export function toFixedCostInput(body: z.output<typeof FixedCostBody>): FixedCostInput {
  return {
    name: body.name,
    layer: body.layer,
    category: body.category,
    monthlyUsd: body.monthly_usd,
    rule: body.rule,
    team: body.team ?? null,
    workloadClass: body.workload_class ?? null,
    fixedShares: body.fixed_shares ?? null,
    effectiveFrom: body.effective_from,
    effectiveTo: body.effective_to ?? null,
  };
}
