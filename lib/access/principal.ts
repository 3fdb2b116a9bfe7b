import type { KeyKind } from '../keys';
import { ALL_TEAMS_ROLES, isRole, READ_PERMISSIONS, ROLE_PERMISSIONS, type Permission, type Role } from './roles';

/** Every team, or only these (possibly none). */
export type TeamScope = 'all' | readonly string[];

/** Whoever is behind a request: a signed-in person or a bearer key, with what it may do. */
export interface Principal {
  kind: 'user' | 'key';
  /** the user's id or the key's id */
  id: string;
  /** an email or a key's name, for people to read */
  label: string;
  /** null for an admin or ingest key, which are not people and have no role */
  role: Role | null;
  permissions: ReadonlySet<Permission>;
  teams: TeamScope;
  /** how the audit log names this caller */
  actor: string;
}

export const can = (principal: Principal, permission: Permission): boolean => principal.permissions.has(permission);

const teamsOf = (role: Role, granted: readonly string[] | null | undefined): TeamScope =>
  ALL_TEAMS_ROLES.has(role) ? 'all' : [...(granted ?? [])];

/** A person; an unknown or missing role grants nothing. */
export function userPrincipal(user: {
  id: string;
  email: string;
  role: string | null | undefined;
  teams: readonly string[] | null | undefined;
}): Principal {
  const role = isRole(user.role) ? user.role : null;
  return {
    kind: 'user',
    id: user.id,
    label: user.email,
    role,
    permissions: new Set(role ? ROLE_PERMISSIONS[role] : []),
    teams: role ? teamsOf(role, user.teams) : [],
    actor: `user:${user.email}`,
  };
}

/** A bearer key: admin keys may do everything but ingest, ingest keys only ingest, read tokens read as their role. */
export function keyPrincipal(key: {
  id: number;
  kind: KeyKind;
  name: string;
  team: string | null;
  role: string | null;
  teams: readonly string[] | null;
}): Principal {
  const base = { kind: 'key' as const, id: String(key.id), label: key.name, actor: `key:${key.id}` };
  if (key.kind === 'admin') {
    return { ...base, role: null, permissions: new Set(ROLE_PERMISSIONS.admin), teams: 'all' };
  }
  if (key.kind === 'ingest') {
    return { ...base, role: null, permissions: new Set(['ingest']), teams: key.team ? [key.team] : 'all' };
  }
  const role = isRole(key.role) ? key.role : null;
  if (!role) return { ...base, role: null, permissions: new Set(), teams: [] };
  const permissions = new Set(ROLE_PERMISSIONS[role].filter((p) => READ_PERMISSIONS.has(p)));
  return { ...base, role, permissions, teams: teamsOf(role, key.teams) };
}
