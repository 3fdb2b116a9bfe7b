import { and, gte, isNull, lte, or } from 'drizzle-orm';
import type { Database } from '../client';
import { fixedCosts } from '../schema';

/** Fixed costs in force on a day (not deleted, within their effective window). */
export async function getActiveFixedCosts(db: Database, day: string) {
  return db.orm
    .select()
    .from(fixedCosts)
    .where(
      and(
        isNull(fixedCosts.deletedAt),
        lte(fixedCosts.effectiveFrom, day),
        or(isNull(fixedCosts.effectiveTo), gte(fixedCosts.effectiveTo, day)),
      ),
    );
}
