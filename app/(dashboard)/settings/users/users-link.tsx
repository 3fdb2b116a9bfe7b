import Link from 'next/link';
import { requireUser } from '@/app/access';
import { can } from '@/lib/access/principal';

/** A way into user management from the Settings page, for those who may manage users. */
export async function UsersLink() {
  const viewer = await requireUser('settings:read');
  if (!can(viewer, 'users:manage')) return null;
  return (
    <Link
      href="/settings/users"
      className="mb-6 flex items-center justify-between rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-4 shadow-tremor-card hover:bg-tremor-background-muted"
    >
      <span>
        <span className="block font-semibold text-tremor-content-strong">Users and access</span>
        <span className="text-tremor-default">Add people, set their role and teams, reset passwords.</span>
      </span>
      <span aria-hidden="true">→</span>
    </Link>
  );
}
