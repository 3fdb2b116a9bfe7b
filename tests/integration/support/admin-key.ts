import type { Database } from '@/db/client';
import { ensureAdminKey } from '@/db/writes/keys';

const KEY = 'integration-tests-admin-key';
const registered = new WeakSet<Database>();

/**
 * The Authorization header of an admin key, registered in `db` the first time: for tests of
 * figures and decisions that call route handlers, which all need a credential (docs/access.md).
 */
export async function adminHeaders(db: Database): Promise<Record<string, string>> {
  if (!registered.has(db)) {
    await ensureAdminKey(db, KEY);
    registered.add(db);
  }
  return { authorization: `Bearer ${KEY}` };
}
