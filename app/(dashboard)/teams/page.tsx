import type { Metadata } from 'next';
import { requireUser } from '@/app/access';
import { ComingSoon } from '@/components/shell/coming-soon';

export const metadata: Metadata = { title: 'Teams' };

export default async function TeamsPage() {
  await requireUser('figures:read');
  return (
    <ComingSoon
      title="Teams"
      summary="Chargeback: who spent what on inference each month, so every team sees and owns its share."
      planned={[
        'Monthly cost per team by layer (L1 to L5), total cost and share of the total',
        'Accepted workflows and cost per accepted workflow for each team',
        'Idle GPU capacity kept as its own unallocated row, or spread over teams, per the allocation policy',
        'Export as CSV or as a FinOps FOCUS file',
      ]}
    />
  );
}
