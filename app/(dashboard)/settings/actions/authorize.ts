import { requireUser } from '@/app/access';
import type { Database } from '@/db/client';
import { getDatabase } from '@/db/instance';
import type { Principal } from '@/lib/access/principal';
import type { Permission } from '@/lib/access/roles';

/**
 * The one gate every Settings action passes first (a server action is a public endpoint whatever
 * page shows it): the signed-in person must hold `permission` (settings:read to read,
 * settings:write to change the price book and policies, keys:manage for keys); the audit names them.
 */
export async function authorizeSettings(
  permission: Permission,
): Promise<{ db: Database; actor: string; caller: Principal }> {
  const caller = await requireUser(permission);
  return { db: await getDatabase(), actor: caller.actor, caller };
}
