import type { Metadata } from 'next';
import { requireUser } from '@/app/access';
import { PageHeader } from '@/components/page-header';
import { getDatabase } from '@/db/instance';
import { listTeamSlugs, listUsers } from '@/db/queries/users';
import { UsersSection } from './users-section';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const admin = await requireUser('users:manage');
  const db = await getDatabase();
  const [users, teams] = await Promise.all([listUsers(db), listTeamSlugs(db)]);
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, and what they see: admins change everything, finance and ops see every team's figures, a team viewer only the teams granted to it."
      />
      <UsersSection
        selfId={admin.id}
        teams={teams}
        users={users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }))}
      />
    </>
  );
}
