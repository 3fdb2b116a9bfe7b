import type { ReactNode } from 'react';
import { requireUser } from '@/app/access';
import { AppShell } from '@/components/shell/app-shell';
import { NAV_ITEMS } from '@/components/shell/nav-items';
import { pagePermission } from '@/lib/access/pages';
import { can } from '@/lib/access/principal';
import { ROLE_LABELS } from '@/lib/access/roles';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await requireUser();
  const navHrefs = NAV_ITEMS.filter((item) => {
    const permission = pagePermission(item.href);
    return !permission || can(viewer, permission);
  }).map((item) => item.href);
  const role = viewer.role ? ROLE_LABELS[viewer.role] : 'No role';
  const teams = viewer.teams === 'all' ? '' : ` · ${viewer.teams.join(', ') || 'no team yet'}`;
  return (
    <AppShell account={{ email: viewer.label, role: `${role}${teams}` }} navHrefs={navHrefs}>
      {children}
    </AppShell>
  );
}
