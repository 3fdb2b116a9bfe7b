import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../client';
import { fixedCosts } from '../schema';

export type FixedCostRow = typeof fixedCosts.$inferSelect;

/** Fixed costs that have not been deleted, oldest first. */
export async function listFixedCosts(db: Database): Promise<FixedCostRow[]> {
  return db.orm.select().from(fixedCosts).where(isNull(fixedCosts.deletedAt)).orderBy(asc(fixedCosts.id));
}

/** One fixed cost, unless it does not exist or was deleted. */
export async function getFixedCost(db: Database, id: number): Promise<FixedCostRow | undefined> {
  const [row] = await db.orm
    .select()
    .from(fixedCosts)
    .where(and(eq(fixedCosts.id, id), isNull(fixedCosts.deletedAt)));
  return row;
}
