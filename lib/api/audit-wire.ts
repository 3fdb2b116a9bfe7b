/** One audit entry as the API shows it: who changed what, when, and the row before and after. */
export interface AuditRecord {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export function toAuditJson(a: AuditRecord) {
  return {
    id: a.id,
    at: a.at.toISOString(),
    actor: a.actor,
    action: a.action,
    entity: a.entity,
    entity_id: a.entityId,
    before: a.before ?? null,
    after: a.after ?? null,
  };
}
