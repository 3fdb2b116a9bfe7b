import { describe, expect, it } from 'vitest';
import type { WhatIfBody } from '@/lib/api/what-if-wire';
import type { BreakEvenBody } from '@/lib/decisions/break-even-answer';
import { bestPerClass, migrationRecommendations } from '@/lib/decisions/recommend';

function answer(
  workloadClass: string,
  pool: string,
  current: 'api' | 'pool',
  option: 'api' | 'pool' | 'hybrid',
  monthly: { api: string; pool: string; hybrid: string | null },
  saving: string,
): BreakEvenBody {
  return {
    workload_class: workloadClass,
    pool,
    api: { provider: 'openai', model: 'gpt-4o' },
    current,
    observed_tokens_per_month: 73_000_000,
    break_even_tokens_per_month: null,
    monthly_usd_at_observed: monthly,
    recommendation: { option, saving_usd_per_month: saving, summary: `${workloadClass}: ${option}.` },
  } as BreakEvenBody;
}

const support = answer(
  'customer_support',
  'h100-a',
  'pool',
  'api',
  { api: '109.5', pool: '2920', hybrid: null },
  '2810.500000',
);
const supportL40 = answer(
  'customer_support',
  'l40s-b',
  'pool',
  'api',
  { api: '109.5', pool: '900', hybrid: null },
  '790.500000',
);
const review = answer(
  'document_review',
  'h100-a',
  'api',
  'api',
  { api: '176.54', pool: '5840', hybrid: null },
  '0.000000',
);
const coding = answer(
  'agentic_coding',
  'h100-a',
  'api',
  'hybrid',
  { api: '9000', pool: '7300', hybrid: '5575' },
  '3425.000000',
);

describe('migration recommendations', () => {
  it('keeps the answer that saves the most for each class: support against h100-a (2,810.50) over l40s-b (790.50)', () => {
    expect(bestPerClass([supportL40, support, review]).map((a) => [a.workload_class, a.pool])).toEqual([
      ['customer_support', 'h100-a'],
      ['document_review', 'h100-a'],
    ]);
  });

  it('orders moves by monthly saving, then the classes that stay; names each action with its numbers', () => {
    const recs = migrationRecommendations([
      { answer: review, whatIf: null },
      { answer: support, whatIf: null },
      { answer: coding, whatIf: null },
    ]);
    expect(recs.map((r) => [r.workload_class, r.action, r.current_usd_per_month, r.proposed_usd_per_month])).toEqual([
      ['agentic_coding', 'hybrid', '9000', '5575'],
      ['customer_support', 'move_to_api', '2920', '109.5'],
      ['document_review', 'stay', '176.54', '176.54'],
    ]);
  });

  it('a move off a pool that raises the organisation bill says the pool keeps billing', () => {
    const whatIf = {
      from: '2026-05-04',
      to: '2026-05-04',
      baseline: { tco_usd: '96.140000' },
      projected: { tco_usd: '3.740000' },
      organisation: { baseline_tco_usd: '96.140000', projected_tco_usd: '99.740000' },
    } as WhatIfBody;
    const [rec] = migrationRecommendations([{ answer: support, whatIf }]);
    expect(rec!.what_if).toEqual({
      class_tco_usd: { baseline: '96.140000', projected: '3.740000' },
      organisation_tco_usd: { baseline: '96.140000', projected: '99.740000' },
    });
    expect(rec!.summary).toBe(
      'customer_support: api. Re-priced over 2026-05-04 to 2026-05-04, the class would cost $3.74 instead of $96.14, and the organisation $99.74 instead of $96.14: h100-a keeps billing its provisioned GPUs until it is resized.',
    );
  });
});
