import { and, eq, isNull } from 'drizzle-orm';
import { toFixedCostJson } from '../../lib/api/pricebook-wire';
import type { ALLOCATION_RULES } from '../../lib/costing/pricebook';
import type { Database } from '../client';
import type { FixedCostRow } from '../queries/fixed-cost-list';
import { fixedCosts } from '../schema';
import { recordChange } from './audit';
import { bumpPricebookVersion } from './settings';
import { unsettleDays } from './settle';

export interface FixedCostInput {
  name: string;
  layer: 2 | 4 | 5;
  category: string;
  /** decimal string with at most 6 decimals */
  monthlyUsd: string;
  rule: (typeof ALLOCATION_RULES)[number];
  team: string | null;
  workloadClass: string | null;
  fixedShares: Record<string, number> | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}

type Window = Pick<FixedCostRow, 'effectiveFrom' | 'effectiveTo'>;

/**
 * Every change to a fixed cost moves the allocations of the days it covered or now covers, so
 * those days are settled again; an open end (no effective_to) reaches every later day.
 */
async function settleAgain(tx: Database, ...windows: Window[]): Promise<void> {
  const from = windows.map((w) => w.effectiveFrom).sort()[0];
  const ends = windows.map((w) => w.effectiveTo);
  const to = ends.includes(null) ? undefined : (ends as string[]).sort().at(-1);
  await unsettleDays(tx, { from, to });
  await bumpPricebookVersion(tx);
}

const live = (id: number) => and(eq(fixedCosts.id, id), isNull(fixedCosts.deletedAt));

export async function createFixedCost(db: Database, input: FixedCostInput, actor: string): Promise<FixedCostRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.orm.insert(fixedCosts).values(input).returning();
    await recordChange(tx, {
      actor,
      action: 'create',
      entity: 'fixed_cost',
      entityId: String(row!.id),
      before: null,
      after: toFixedCostJson(row!),
    });
    await settleAgain(tx, row!);
    return row!;
  });
}

/** Replaces a live fixed cost's fields; null when there is no live fixed cost with that id. */
export async function replaceFixedCost(
  db: Database,
  id: number,
  input: FixedCostInput,
  actor: string,
): Promise<FixedCostRow | null> {
  return db.transaction(async (tx) => {
    const [before] = await tx.orm.select().from(fixedCosts).where(live(id)).for('update');
    if (!before) return null;
    const [after] = await tx.orm.update(fixedCosts).set(input).where(eq(fixedCosts.id, id)).returning();
    await recordChange(tx, {
      actor,
      action: 'replace',
      entity: 'fixed_cost',
      entityId: String(id),
      before: toFixedCostJson(before),
      after: toFixedCostJson(after!),
    });
    await settleAgain(tx, before, after!);
    return after!;
  });
}

/** Soft-deletes a fixed cost (the row stays for the audit trail); false when there is no live one. */
export async function deleteFixedCost(db: Database, id: number, actor: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx.orm.update(fixedCosts).set({ deletedAt: new Date() }).where(live(id)).returning();
    if (!before) return false;
    await recordChange(tx, {
      actor,
      action: 'delete',
      entity: 'fixed_cost',
      entityId: String(id),
      before: toFixedCostJson(before),
      after: null,
    });
    await settleAgain(tx, before);
    return true;
  });
}
