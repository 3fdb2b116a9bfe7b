import fc from 'fast-check';
import type { CutEvent } from '@/lib/events/event';
import { makeEvent } from '../../support/events';

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
