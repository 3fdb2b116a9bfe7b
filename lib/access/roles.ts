/**
 * Who may do what: the one table of roles and permissions. Every route, page and server action
 * asks for one permission (app/api/access.ts, app/access.ts); nothing else decides access.
 */
export const ROLES = ['admin', 'finance', 'ops', 'team_viewer'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  /** dashboards, metrics, chargeback and its exports; a team_viewer only for its teams */
  | 'figures:read'
  /** figures that mix every team's rows (GPU pool usage, what-if, break-even): never a team_viewer */
  | 'figures:all'
  /** price book, pools, fixed costs, settings, re-pricing jobs, the audit log */
  | 'settings:read'
  | 'settings:write'
  /** budgets and month close */
  | 'finance:write'
  /** ingest keys and read tokens */
  | 'keys:manage'
  | 'users:manage'
  /** sending telemetry: ingest keys only, never a person */
  | 'ingest';

/** What a read token may do whatever its role: it never changes anything. */
export const READ_PERMISSIONS: ReadonlySet<Permission> = new Set(['figures:read', 'figures:all', 'settings:read']);

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'figures:read',
    'figures:all',
    'settings:read',
    'settings:write',
    'finance:write',
    'keys:manage',
    'users:manage',
  ],
  finance: ['figures:read', 'figures:all', 'settings:read', 'finance:write'],
  ops: ['figures:read', 'figures:all', 'settings:read'],
  team_viewer: ['figures:read'],
};

/** Roles whose figures cover every team; the others see only the teams granted to them. */
export const ALL_TEAMS_ROLES: ReadonlySet<Role> = new Set(['admin', 'finance', 'ops']);

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  finance: 'Finance',
  ops: 'Ops',
  team_viewer: 'Team viewer',
};

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
