import type { Database } from '../client';
import { auditLog } from '../schema';

export interface Change {
  actor: string;
  action: 'create' | 'replace' | 'update' | 'delete' | 'revoke' | 'login' | 'login_failed' | 'logout';
  entity: string;
  entityId: string | null;
  /** the row as the API shows it; null when there was none */
  before: object | null;
  after: object | null;
}

/** Records a configuration change or a sign-in event; call it inside the change's own transaction. */
export async function recordChange(tx: Database, change: Change): Promise<void> {
  await tx.orm.insert(auditLog).values(change);
}
