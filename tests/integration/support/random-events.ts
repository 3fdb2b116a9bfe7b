import fc from 'fast-check';
import type { Database } from '@/db/client';
import { insertPriceBook } from '@/db/writes/pricebook';
import { ALLOCATION_RULES } from '@/lib/costing/pricebook';
import type { CutEvent } from '@/lib/events/event';
import { makeEvent, makePool, makePrice, usdPer1m } from '../../support/events';

/**
 * Random events over three days, three teams, two classes, two priced models and two pools (as
 * the invariant tests price them), with retries, tool calls, review time, GPU time, acceptance,
 * and up to 16 workflows a run, so workflows span batches and days.
 */
export const arbEvent = fc.record({
  team: fc.constantFrom('alpha', 'beta', 'gamma'),
  workloadClass: fc.constantFrom('customer_support', 'agentic_coding'),
  target: fc.constantFrom('m1', 'm2', 'p1', 'p2'),
  day: fc.integer({ min: 1, max: 3 }),
  hour: fc.integer({ min: 0, max: 23 }),
  inputTokens: fc.integer({ min: 0, max: 20_000 }),
  outputTokens: fc.integer({ min: 0, max: 3_000 }),
  retryCount: fc.integer({ min: 0, max: 2 }),
  toolCalls: fc.integer({ min: 0, max: 3 }),
  reviewSeconds: fc.constantFrom(0, 0, 45.5),
  gpuMillis: fc.integer({ min: 0, max: 400_000 }),
  acceptance: fc.constantFrom('accepted', 'rejected', 'pending'),
  workflow: fc.integer({ min: 0, max: 15 }),
});

export type Spec = typeof arbEvent extends fc.Arbitrary<infer T> ? T : never;

export function toEvents(specs: Spec[], run: number): CutEvent[] {
  return specs.map((s, i) => {
    const pool = s.target.startsWith('p') ? s.target : null;
    return makeEvent({
      id: `inv${run}-${i}`,
      workflowId: `wf${run}-${s.workflow}`,
      team: s.team,
      workloadClass: s.workloadClass,
      timestamp: new Date(`2026-04-0${s.day}T${String(s.hour).padStart(2, '0')}:10:00Z`),
      model: pool ? 'llama' : s.target,
      provider: pool ? 'self-hosted' : 'openai',
      pool,
      inputTokens: s.inputTokens,
      outputTokens: s.outputTokens,
      retryCount: s.retryCount,
      toolCalls: s.toolCalls,
      humanReviewSeconds: s.reviewSeconds,
      gpuHours: pool ? (s.gpuMillis / 1000).toFixed(3) : '0',
      acceptanceStatus: s.acceptance as CutEvent['acceptanceStatus'],
    });
  });
}

/**
 * The price book the random events are priced by, in force from `fromDay`: both models, both
 * pools (p2 two GPUs billed by the hour on a daily provision), and a fixed cost under every split
 * rule, at layers 2, 4 and 5 in turn.
 */
export async function insertRandomEventsBook(db: Database, fromDay: string): Promise<void> {
  const from = new Date(`${fromDay}T00:00:00Z`);
  await insertPriceBook(
    db,
    {
      modelPrices: [
        makePrice({ model: 'm1', effectiveFrom: from }),
        makePrice({ model: 'm2', inputPer1m: usdPer1m('0.15'), outputPer1m: usdPer1m('0.6'), effectiveFrom: from }),
      ],
      pools: [
        makePool({ name: 'p1', effectiveFrom: from }),
        makePool({
          name: 'p2',
          gpuCount: 2,
          usdPerGpuHour: 1_100_000n,
          billingGranularity: 'hour',
          provisionedGpuHoursPerDay: 14_500_000n,
          effectiveFrom: from,
        }),
      ],
      fixedCosts: ALLOCATION_RULES.map((rule, i) => ({
        name: `cost ${rule}`,
        layer: [2, 4, 5][i % 3]!,
        category: ['network', 'evaluation', 'observability'][i % 3]!,
        monthlyUsd: `${(i + 1) * 137}.55`,
        rule,
        team: rule === 'assigned' ? 'beta' : null,
        fixedShares: rule === 'fixed' ? { alpha: 50, beta: 30, gamma: 20 } : null,
        effectiveFrom: fromDay,
      })),
    },
    'test',
  );
}
