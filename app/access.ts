import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { sessionUser, type SessionUser } from '@/auth/session';
import { getDatabase } from '@/db/instance';
import { can, type Principal } from '@/lib/access/principal';
import type { Permission } from '@/lib/access/roles';

/** The signed-in person of this request, looked up once per render. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  return sessionUser(await getDatabase(), await headers());
});

/**
 * The one gate for pages, layouts and server actions: signed out -> /login, a generated password
 * still in use -> /account/password, without `permission` -> 403, and 403 for a team in
 * `options.teams` it may not see. A team_viewer with no team granted gets 403 on figures:read.
 */
export async function requireUser(
  permission?: Permission,
  options: { teams?: readonly string[] } = {},
): Promise<Principal> {
  const user = await currentUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword) redirect('/account/password');
  const { principal } = user;
  if (permission && !can(principal, permission)) forbidden();
  if (permission === 'figures:read' && principal.teams !== 'all' && principal.teams.length === 0) forbidden();
  // a team named in the page's URL that this person may not see
  const scope = principal.teams;
  if (scope !== 'all' && options.teams?.some((team) => !scope.includes(team))) forbidden();
  return principal;
}
