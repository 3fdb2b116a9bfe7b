import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import type { SearchParams } from 'nuqs/server';
import { makeQueryClient } from '@/app/query-client';
import { can } from '@/lib/access/principal';
import { authorizeSettings } from './actions/authorize';
import { settingsQuery } from './queries';
import { UsersLink } from './users/users-link';
import { loadSettingsSearchParams } from './search-params';
import { settingsPageData } from './settings-data';
import { SettingsView } from './settings-view';

export const metadata: Metadata = { title: 'Settings' };
export const dynamic = 'force-dynamic';

export default async function SettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { db, caller } = await authorizeSettings('settings:read');
  await loadSettingsSearchParams(searchParams);
  const access = { edit: can(caller, 'settings:write'), keys: can(caller, 'keys:manage') };
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...settingsQuery(), queryFn: () => settingsPageData(db, access) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SettingsView access={access} />
      <div className="mt-6">
        <UsersLink />
      </div>
    </HydrationBoundary>
  );
}
