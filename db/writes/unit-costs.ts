import { and, eq } from 'drizzle-orm';
import { toUnitCostJson } from '../../lib/api/pricebook-wire';
import type { UnitCostKind } from '../../lib/costing/pricebook';
import type { Database } from '../client';
import { getReportingDay } from '../queries/reporting-day';
import { unitCosts } from '../schema';
import { recordChange } from './audit';

export interface UnitCostInput {
  kind: UnitCostKind;
  /** '' = the default; a workload class (tool_call) or a team (reviewer_hour) */
  scope: string;
  /** decimal string with at most 6 decimals */
  usd: string;
  effectiveFrom: Date;
}

/**
 * Adds a unit-cost version, or replaces the one with the same kind, scope and start; audited.
 * Runs inside the caller's transaction, which also bumps the price-book version.
 */
export async function upsertUnitCost(tx: Database, input: UnitCostInput, actor: string) {
  const [before] = await tx.orm
    .select()
    .from(unitCosts)
    .where(
      and(
        eq(unitCosts.kind, input.kind),
        eq(unitCosts.scope, input.scope),
        eq(unitCosts.effectiveFrom, input.effectiveFrom),
      ),
    )
    .for('update');
  const [after] = await tx.orm
    .insert(unitCosts)
    .values(input)
    .onConflictDoUpdate({ target: [unitCosts.kind, unitCosts.scope, unitCosts.effectiveFrom], set: input })
    .returning();
  await recordChange(tx, {
    actor,
    action: before ? 'replace' : 'create',
    entity: 'unit_cost',
    entityId: `${input.kind}/${input.scope}`,
    before: before ? toUnitCostJson(before) : null,
    after: toUnitCostJson(after!),
  });
  return { before: before ?? null, after: after!, fromDay: await getReportingDay(tx, input.effectiveFrom) };
}
