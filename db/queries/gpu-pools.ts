import { asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { gpuPools } from '../schema';

export type GpuPoolRow = typeof gpuPools.$inferSelect;

export interface GpuPoolParams {
  /** one pool's versions; all pools when absent */
  name?: string;
}

/** Pool versions by name, newest version first. */
export async function getGpuPoolVersions(db: Database, params: GpuPoolParams = {}): Promise<GpuPoolRow[]> {
  return db.orm
    .select()
    .from(gpuPools)
    .where(params.name === undefined ? undefined : eq(gpuPools.name, params.name))
    .orderBy(asc(gpuPools.name), desc(gpuPools.effectiveFrom));
}
