import { asc } from 'drizzle-orm';
import type { Database } from '../client';
import { authUsers, teams } from '../schema';

export interface UserListRow {
  id: string;
  email: string;
  name: string;
  role: string | null;
  teams: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
}

/** Everyone who can sign in, by email; never a password or a session. */
export async function listUsers(db: Database): Promise<UserListRow[]> {
  const rows = await db.orm
    .select({
      id: authUsers.id,
      email: authUsers.email,
      name: authUsers.name,
      role: authUsers.role,
      teams: authUsers.teams,
      banned: authUsers.banned,
      mustChangePassword: authUsers.mustChangePassword,
      createdAt: authUsers.createdAt,
    })
    .from(authUsers)
    .orderBy(asc(authUsers.email));
  return rows.map(({ banned, ...r }) => ({ ...r, disabled: banned ?? false }));
}

/** The registered team slugs, for granting them. */
export async function listTeamSlugs(db: Database): Promise<string[]> {
  const rows = await db.orm.select({ slug: teams.slug }).from(teams).orderBy(asc(teams.slug));
  return rows.map((r) => r.slug).filter((s) => s !== '__unallocated__');
}
