import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { authUsers } from '../db/schema';
import { userPrincipal, type Principal } from '../lib/access/principal';
import { authFor } from './instance';

export interface SessionUser {
  principal: Principal;
  /** a generated first password is still in use: nothing but changing it is allowed */
  mustChangePassword: boolean;
}

/**
 * The person behind the session cookie in `headers`, or null. Role and teams are read from the
 * user's row on every call, so a change an admin makes applies to the very next request.
 */
export async function sessionUser(db: Database, headers: Headers): Promise<SessionUser | null> {
  if (!headers.get('cookie')) return null;
  const session = await authFor(db).api.getSession({ headers, query: { disableCookieCache: true } });
  if (!session) return null;
  const [user] = await db.orm
    .select({
      id: authUsers.id,
      email: authUsers.email,
      role: authUsers.role,
      teams: authUsers.teams,
      banned: authUsers.banned,
      mustChangePassword: authUsers.mustChangePassword,
    })
    .from(authUsers)
    .where(eq(authUsers.id, session.user.id));
  if (!user || user.banned) return null;
  return { principal: userPrincipal(user), mustChangePassword: user.mustChangePassword };
}
