import { asc } from 'drizzle-orm';
import type { Database } from '../client';
import { unitCosts } from '../schema';

/** Every version of every unit cost, by kind and scope, oldest version first. */
export async function listUnitCosts(db: Database) {
  return db.orm
    .select()
    .from(unitCosts)
    .orderBy(asc(unitCosts.kind), asc(unitCosts.scope), asc(unitCosts.effectiveFrom));
}
