import type { Metadata } from 'next';
import { requireUser } from '@/app/access';
import { ComingSoon } from '@/components/shell/coming-soon';

export const metadata: Metadata = { title: 'Workloads' };

export default async function WorkloadsPage() {
  await requireUser('figures:read');
  return (
    <ComingSoon
      title="Workloads"
      summary="What a useful result costs for each kind of work: customer support, long-context research, document review, agentic coding and internal knowledge assistants."
      planned={[
        'Cost per useful token and per accepted workflow for each workload class',
        'The CUT multiplier: what a useful token really costs against the sticker price per token',
        'Acceptance, retry, cache-hit and fallback rates, and p50/p95/p99 latency',
        'Cost split by layer (model, serving, workload behaviour, orchestration & QC, operations)',
      ]}
    />
  );
}
