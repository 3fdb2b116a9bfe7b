import { authFor } from '@/auth/instance';
import { createUser } from '@/auth/users';
import { setDatabase } from '@/db/instance';
import { createKey, ensureAdminKey } from '@/db/writes/keys';
import type { Role } from '@/lib/access/roles';
import { freshDatabase, type TestDatabase } from './database';

// Read once, when the first Better Auth instance is made; set here so tests never write .data/.
process.env.CUT_AUTH_SECRET ??= 'integration-tests-only-secret-0123456789abcdef';

export const ORIGIN = 'http://cut.test';
const ADMIN_KEY = 'test-admin-key-for-access';

/** Everyone who can knock: nobody, a person of each role, and each kind of bearer key. */
export const CALLERS = [
  'anonymous',
  'admin',
  'finance',
  'ops',
  'team_viewer',
  'admin_key',
  'ingest_key',
  'read_finance',
  'read_ops',
  'read_team_viewer',
] as const;
export type CallerName = (typeof CALLERS)[number];

const PEOPLE: Record<Role, { teams: string[] }> = {
  admin: { teams: [] },
  finance: { teams: [] },
  ops: { teams: [] },
  team_viewer: { teams: ['support'] },
};

export const passwordOf = (role: string) => `correct horse ${role} battery`;
export const emailOf = (role: string) => `${role}@cut.test`;

let ip = 0;
/** A distinct client address per sign-in, so Better Auth's per-address limit never trips a test by accident. */
export const nextIp = () => `10.0.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`;

export interface AccessApp {
  db: TestDatabase;
  /** the request headers each caller sends (a session cookie or a bearer key) */
  headers: Record<CallerName, Record<string, string>>;
  signIn(email: string, password: string, extra?: Record<string, string>): Promise<Response>;
}

/** A Set-Cookie list turned into the Cookie header a browser would send back. */
export function cookieFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ');
}

/** Adds a person of `role` (email `<role>@cut.test`) to `db` and signs them in: the headers their browser sends. */
export async function signedInPerson(
  db: TestDatabase,
  role: Role,
  teams: string[] = [],
): Promise<Record<string, string>> {
  await createUser(db, { email: emailOf(role), name: role, role, teams, password: passwordOf(role) }, 'test');
  const response = await authFor(db).handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': nextIp() },
      body: JSON.stringify({ email: emailOf(role), password: passwordOf(role) }),
    }),
  );
  if (response.status !== 200)
    throw new Error(`sign-in as ${role} failed: ${response.status} ${await response.text()}`);
  return { cookie: cookieFrom(response), origin: ORIGIN, 'sec-fetch-site': 'same-origin' };
}

/**
 * A fresh database registered as the process database, with one person per role (the
 * team_viewer granted `support`), an admin key, an ingest key, and a read token per role.
 */
export async function accessApp(): Promise<AccessApp> {
  const db = await freshDatabase();
  setDatabase(db);
  await ensureAdminKey(db, ADMIN_KEY);
  const auth = authFor(db);
  const signIn = (email: string, password: string, extra: Record<string, string> = {}) =>
    auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': nextIp(), ...extra },
        body: JSON.stringify({ email, password }),
      }),
    );
  const headers = { anonymous: {} } as AccessApp['headers'];
  for (const [role, { teams }] of Object.entries(PEOPLE) as [Role, { teams: string[] }][]) {
    headers[role] = await signedInPerson(db, role, teams);
  }
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  headers.admin_key = bearer(ADMIN_KEY);
  headers.ingest_key = bearer((await createKey(db, { kind: 'ingest', name: 'sender', team: null }, 'test')).secret);
  for (const role of ['finance', 'ops', 'team_viewer'] as const) {
    const teams = role === 'team_viewer' ? ['support'] : null;
    const key = await createKey(db, { kind: 'read', name: `read ${role}`, team: null, role, teams }, 'test');
    headers[`read_${role}`] = bearer(key.secret);
  }
  return { db, headers, signIn };
}

/** Calls a route handler as Next would, with a caller's headers. */
export async function callAs(
  handler: (request: Request) => Promise<Response>,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Response> {
  const all = { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  return handler(
    new Request(`${ORIGIN}${path}`, {
      method,
      headers: all,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}
