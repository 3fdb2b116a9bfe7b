import { requireUser } from '@/app/access';
import type { Permission } from '@/lib/access/roles';

/**
 * The one gate of every change made from the Teams page (server actions, public endpoints
 * whatever page shows them): the signed-in person must hold `permission` (finance:write for
 * budgets, month close and webhooks; settings:write for policies). Returns the audit's actor.
 */
export async function dashboardActor(permission: Permission): Promise<string> {
  return (await requireUser(permission)).actor;
}
