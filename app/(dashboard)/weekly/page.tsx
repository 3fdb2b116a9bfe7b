import type { Metadata } from 'next';
import { requireUser } from '@/app/access';
import { ComingSoon } from '@/components/shell/coming-soon';

export const metadata: Metadata = { title: 'Weekly review' };

export default async function WeeklyReviewPage() {
  await requireUser('figures:read');
  return (
    <ComingSoon
      title="Weekly review"
      summary="A one-page summary for the weekly cost meeting: what changed since last week, and why."
      planned={[
        'Week-over-week change in total cost and in cost per useful token, per workload',
        'The biggest movers by team, model and GPU pool',
        'Top failure modes (rejection reasons) and what the rejected work cost',
        'Retries, fallbacks and idle capacity that made useful tokens more expensive',
      ]}
    />
  );
}
