import { desc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { auditLog } from '../schema';

export interface AuditLogParams {
  limit: number;
  /** only changes to this kind of thing ('model_price', 'gpu_pool', 'fixed_cost', 'setting', ...) */
  entity?: string;
}

/** The newest changes first: what the Settings page lists as the audit log. */
export async function getAuditLog(db: Database, params: AuditLogParams) {
  return db.orm
    .select()
    .from(auditLog)
    .where(params.entity === undefined ? undefined : eq(auditLog.entity, params.entity))
    .orderBy(desc(auditLog.id))
    .limit(params.limit);
}
