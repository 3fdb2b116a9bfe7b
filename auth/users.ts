import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { authSessions, authUsers } from '../db/schema';
import { recordChange } from '../db/writes/audit';
import type { Role } from '../lib/access/roles';
import { ConflictError, NotFoundError } from '../lib/errors';
import { authFor } from './instance';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  /** the teams a team_viewer sees; ignored for the other roles */
  teams: readonly string[];
  /** absent: one is generated, shown once, and must be changed at first sign-in */
  password?: string;
}

/** A first password people can type: 20 base64url characters (120 bits). */
const generatePassword = () => randomBytes(15).toString('base64url');

const teamsFor = (role: Role, teams: readonly string[]) => (role === 'team_viewer' ? [...new Set(teams)].sort() : []);

/** Creates a person who can sign in with a password; returns the password when it was generated. */
export async function createUser(
  db: Database,
  input: NewUser,
  actor: string,
): Promise<{ id: string; password: string | null }> {
  const email = input.email.trim().toLowerCase();
  const [existing] = await db.orm.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.email, email));
  if (existing) throw new ConflictError(`email: ${email} already has an account`);
  const password = input.password ?? generatePassword();
  // Better Auth hashes the password (scrypt) and creates the credential account beside the user.
  const { user } = await authFor(db).api.createUser({
    body: { email, name: input.name, password, role: input.role },
  });
  const teams = teamsFor(input.role, input.teams);
  await db.transaction(async (tx) => {
    await tx.orm
      .update(authUsers)
      .set({ teams, mustChangePassword: input.password === undefined })
      .where(eq(authUsers.id, user.id));
    await recordChange(tx, {
      actor,
      action: 'create',
      entity: 'user',
      entityId: user.id,
      before: null,
      after: { email, name: input.name, role: input.role, teams },
    });
  });
  return { id: user.id, password: input.password === undefined ? password : null };
}

async function userRow(db: Database, id: string) {
  const [row] = await db.orm
    .select({
      email: authUsers.email,
      role: authUsers.role,
      teams: authUsers.teams,
      banned: authUsers.banned,
    })
    .from(authUsers)
    .where(eq(authUsers.id, id));
  if (!row) throw new NotFoundError(`no user with id ${id}`);
  return { ...row, banned: row.banned ?? false };
}

/** Changes a person's role and teams; it applies from their next request. */
export async function updateUserAccess(
  db: Database,
  id: string,
  access: { role: Role; teams: readonly string[] },
  actor: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await userRow(tx, id);
    const teams = teamsFor(access.role, access.teams);
    await tx.orm.update(authUsers).set({ role: access.role, teams, updatedAt: new Date() }).where(eq(authUsers.id, id));
    await recordChange(tx, {
      actor,
      action: 'update',
      entity: 'user',
      entityId: id,
      before: { role: before.role, teams: before.teams },
      after: { role: access.role, teams },
    });
  });
}

/** Disables (signs out everywhere, refuses sign-in) or re-enables a person. */
export async function setUserDisabled(db: Database, id: string, disabled: boolean, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await userRow(tx, id);
    await tx.orm.update(authUsers).set({ banned: disabled, updatedAt: new Date() }).where(eq(authUsers.id, id));
    if (disabled) await tx.orm.delete(authSessions).where(eq(authSessions.userId, id));
    await recordChange(tx, {
      actor,
      action: 'update',
      entity: 'user',
      entityId: id,
      before: { email: before.email, disabled: before.banned },
      after: { email: before.email, disabled },
    });
  });
}

/** Gives a person a new generated password (shown once, to be changed at next sign-in) and signs them out. */
export async function resetUserPassword(db: Database, id: string, actor: string): Promise<string> {
  const before = await userRow(db, id);
  const password = generatePassword();
  const context = await authFor(db).$context;
  await context.internalAdapter.updatePassword(id, await context.password.hash(password));
  await db.transaction(async (tx) => {
    await tx.orm.update(authUsers).set({ mustChangePassword: true }).where(eq(authUsers.id, id));
    await tx.orm.delete(authSessions).where(eq(authSessions.userId, id));
    await recordChange(tx, {
      actor,
      action: 'update',
      entity: 'user_password',
      entityId: id,
      before: { email: before.email },
      after: { email: before.email, reset: true },
    });
  });
  return password;
}

export async function deleteUser(db: Database, id: string, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await userRow(tx, id);
    await tx.orm.delete(authUsers).where(eq(authUsers.id, id));
    await recordChange(tx, { actor, action: 'delete', entity: 'user', entityId: id, before, after: null });
  });
}
