'use client';

import { useActionState, useState, useTransition } from 'react';
import {
  errorTextClass,
  inputClass,
  labelClass,
  primaryButtonClass,
  secondaryButtonClass,
} from '@/components/forms/styles';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/access/roles';
import { addUser, changeAccess, removeUser, resetPassword, setDisabled, type UserActionResult } from './actions';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: string | null;
  teams: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

/** The people who can sign in, each with their role and teams, and a form to add one. */
export function UsersSection({ users, teams, selfId }: { users: UserView[]; teams: string[]; selfId: string }) {
  return (
    <div className="space-y-6">
      <AddUserForm teams={teams} />
      <section aria-labelledby="users-heading">
        <h2 id="users-heading" className="mb-3 text-tremor-title font-semibold text-tremor-content-strong">
          People ({users.length})
        </h2>
        <ul className="space-y-3">
          {users.map((user) => (
            <UserRow key={user.id} user={user} teams={teams} self={user.id === selfId} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function Outcome({ result }: { result: UserActionResult | null }) {
  if (!result) return null;
  return (
    <div role={result.ok ? 'status' : 'alert'} className={result.ok ? 'text-tremor-default' : errorTextClass}>
      <p>{result.message}</p>
      {result.password ? (
        <p className="mt-1">
          <code data-testid="one-time-password" className="rounded bg-tremor-background-subtle px-2 py-1 font-mono">
            {result.password}
          </code>
        </p>
      ) : null}
    </div>
  );
}

function AccessFields({
  idPrefix,
  teams,
  role,
  granted,
}: {
  idPrefix: string;
  teams: string[];
  role: Role;
  granted: string[];
}) {
  const [current, setCurrent] = useState<Role>(role);
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-role`} className={labelClass}>
          Role
        </label>
        <select
          id={`${idPrefix}-role`}
          name="role"
          value={current}
          onChange={(e) => setCurrent(e.target.value as Role)}
          className={inputClass}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      {current === 'team_viewer' ? (
        <fieldset className="md:col-span-2">
          <legend className={labelClass}>Teams it may see</legend>
          {teams.length === 0 ? (
            <p className="text-tremor-default">No team has sent telemetry yet.</p>
          ) : (
            <div className="flex flex-wrap gap-3">
              {teams.map((team) => (
                <label key={team} className="flex items-center gap-1.5 text-tremor-default">
                  <input type="checkbox" name="teams" value={team} defaultChecked={granted.includes(team)} />
                  {team}
                </label>
              ))}
            </div>
          )}
        </fieldset>
      ) : null}
    </>
  );
}

function AddUserForm({ teams }: { teams: string[] }) {
  const [result, action, pending] = useActionState(addUser, null);
  return (
    <section
      aria-labelledby="add-user-heading"
      className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-5 shadow-tremor-card"
    >
      <h2 id="add-user-heading" className="mb-3 text-tremor-title font-semibold text-tremor-content-strong">
        Add a person
      </h2>
      <form action={action} className="grid gap-4 md:grid-cols-3">
        <div>
          <label htmlFor="new-user-email" className={labelClass}>
            Email
          </label>
          <input id="new-user-email" name="email" type="email" required className={inputClass} />
        </div>
        <div>
          <label htmlFor="new-user-name" className={labelClass}>
            Name
          </label>
          <input id="new-user-name" name="name" required className={inputClass} />
        </div>
        <AccessFields
          key={result?.password ?? 'new'}
          idPrefix="new-user"
          teams={teams}
          role="team_viewer"
          granted={[]}
        />
        <div className="md:col-span-3">
          <button type="submit" disabled={pending} className={primaryButtonClass}>
            {pending ? 'Adding…' : 'Add person'}
          </button>
        </div>
      </form>
      <div className="mt-3">
        <Outcome result={result} />
      </div>
    </section>
  );
}

function UserRow({ user, teams, self }: { user: UserView; teams: string[]; self: boolean }) {
  const [result, action, pending] = useActionState(changeAccess.bind(null, user.id), null);
  const [other, setOther] = useState<UserActionResult | null>(null);
  const [busy, startTransition] = useTransition();
  const act = (work: () => Promise<UserActionResult>, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    startTransition(async () => setOther(await work()));
  };
  const role = (ROLES as readonly string[]).includes(user.role ?? '') ? (user.role as Role) : 'team_viewer';
  return (
    <li
      data-testid={`user-${user.email}`}
      className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-4"
    >
      <div className="mb-3 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-semibold text-tremor-content-strong">{user.email}</span>
        <span className="text-tremor-default">{user.name}</span>
        {self ? <span className="text-tremor-label text-tremor-content-default">(you)</span> : null}
        {user.disabled ? (
          <span className="text-tremor-label font-medium text-red-700 dark:text-red-300">disabled</span>
        ) : null}
        {user.mustChangePassword ? (
          <span className="text-tremor-label text-tremor-content-default">has not chosen a password yet</span>
        ) : null}
      </div>
      <form action={action} className="grid gap-4 md:grid-cols-3" aria-label={`Access of ${user.email}`}>
        <AccessFields idPrefix={`user-${user.id}`} teams={teams} role={role} granted={user.teams} />
        <div className="flex flex-wrap items-end gap-2 md:col-span-3">
          <button type="submit" disabled={pending} className={primaryButtonClass}>
            Save access
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => act(() => resetPassword(user.id))}
            className={secondaryButtonClass}
          >
            Reset password
          </button>
          {self ? null : (
            <>
              <button
                type="button"
                disabled={busy}
                onClick={() => act(() => setDisabled(user.id, !user.disabled))}
                className={secondaryButtonClass}
              >
                {user.disabled ? 'Enable' : 'Disable'}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => act(() => removeUser(user.id), `Delete ${user.email}? This cannot be undone.`)}
                className={secondaryButtonClass}
              >
                Delete
              </button>
            </>
          )}
        </div>
      </form>
      <div className="mt-2 space-y-2">
        <Outcome result={result} />
        <Outcome result={other} />
      </div>
    </li>
  );
}
