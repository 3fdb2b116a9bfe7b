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
 * still in use -> /account/password, without `permission` -> 403. A team_viewer with no team
 * granted has no figures to see, so figures:read is a 403 for it too.
 */
export async function requireUser(permission?: Permission): Promise<Principal> {
  const user = await currentUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword) redirect('/account/password');
  const { principal } = user;
  if (permission && !can(principal, permission)) forbidden();
  if (permission === 'figures:read' && principal.teams !== 'all' && principal.teams.length === 0) forbidden();
  return principal;
}

/** A team named in a page's URL: 403 unless this person may see it. */
export function requireTeam(principal: Principal, team: string): void {
  if (principal.teams !== 'all' && !principal.teams.includes(team)) forbidden();
}
