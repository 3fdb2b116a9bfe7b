import type { Metadata } from 'next';
import { requireUser } from '@/app/access';
import { ComingSoon } from '@/components/shell/coming-soon';
import { UsersLink } from './users/users-link';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requireUser('settings:read');
  return (
    <>
      <ComingSoon
        title="Settings"
        summary="The price book and policies behind every figure; until this page exists they are managed through the API with the admin key."
        planned={[
          'Model prices per provider and model (input, cached input, output), versioned by effective date',
          'Self-hosted GPU pools: GPU type and count, price per GPU-hour, billing granularity',
          'Fixed costs, reviewer and tool-call unit costs, and the idle-capacity allocation policy',
          'Ingest keys, optionally scoped to one team',
        ]}
      />
      <div className="mt-6">
        <UsersLink />
      </div>
    </>
  );
}
