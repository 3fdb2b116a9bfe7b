'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireUser } from '@/app/access';
import { createUser, deleteUser, resetUserPassword, setUserDisabled, updateUserAccess } from '@/auth/users';
import { getDatabase } from '@/db/instance';
import { slug } from '@/ingest/native/rules';
import { ROLES } from '@/lib/access/roles';
import { ApiError } from '@/lib/errors';

/** What every action answers: a sentence for the person, and a generated password to show once. */
export interface UserActionResult {
  ok: boolean;
  message: string;
  password?: string;
}

const Access = z.object({
  role: z.enum(ROLES, { error: `role: must be one of ${ROLES.join(', ')}` }),
  teams: z.array(slug).max(100),
});
const NewUser = Access.extend({
  email: z.email({ error: 'email: must be an email address' }).max(200),
  name: z.string().trim().min(1, 'name: is required').max(100),
});

const formAccess = (form: FormData) => ({ role: form.get('role'), teams: form.getAll('teams').map(String) });
const problem = (err: unknown): UserActionResult => {
  if (err instanceof ApiError) return { ok: false, message: err.message };
  if (err instanceof z.ZodError) return { ok: false, message: err.issues.map((i) => i.message).join('; ') };
  throw err;
};

/** Each action checks users:manage itself: a server action is a public endpoint whatever page shows it. */
async function run(work: (actor: string, self: string) => Promise<UserActionResult>): Promise<UserActionResult> {
  const admin = await requireUser('users:manage');
  try {
    const result = await work(admin.actor, admin.id);
    revalidatePath('/settings/users');
    return result;
  } catch (err) {
    return problem(err);
  }
}

const notSelf = (self: string, id: string, what: string) => {
  if (self === id) throw new ApiError(400, 'invalid_body', `you cannot ${what} your own account`);
};

export async function addUser(_: UserActionResult | null, form: FormData): Promise<UserActionResult> {
  return run(async (actor) => {
    const input = NewUser.parse({ ...formAccess(form), email: form.get('email'), name: form.get('name') });
    if (input.role === 'team_viewer' && input.teams.length === 0) {
      return { ok: false, message: 'teams: grant a team_viewer at least one team' };
    }
    const { password } = await createUser(await getDatabase(), input, actor);
    return {
      ok: true,
      message: `${input.email} can now sign in with this one-time password:`,
      password: password ?? '',
    };
  });
}

export async function changeAccess(id: string, _: UserActionResult | null, form: FormData): Promise<UserActionResult> {
  return run(async (actor, self) => {
    const access = Access.parse(formAccess(form));
    if (access.role !== 'admin') notSelf(self, id, 'take the admin role from');
    await updateUserAccess(await getDatabase(), id, access, actor);
    return { ok: true, message: 'Access saved; it applies from their next click.' };
  });
}

export async function setDisabled(id: string, disabled: boolean): Promise<UserActionResult> {
  return run(async (actor, self) => {
    notSelf(self, id, 'disable');
    await setUserDisabled(await getDatabase(), id, disabled, actor);
    return { ok: true, message: disabled ? 'Disabled and signed out everywhere.' : 'Enabled again.' };
  });
}

export async function resetPassword(id: string): Promise<UserActionResult> {
  return run(async (actor) => {
    const password = await resetUserPassword(await getDatabase(), id, actor);
    return { ok: true, message: 'New one-time password (shown once):', password };
  });
}

export async function removeUser(id: string): Promise<UserActionResult> {
  return run(async (actor, self) => {
    notSelf(self, id, 'delete');
    await deleteUser(await getDatabase(), id, actor);
    return { ok: true, message: 'Deleted.' };
  });
}
