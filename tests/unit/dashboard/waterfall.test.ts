import { describe, expect, it } from 'vitest';
import { waterfallSteps } from '@/lib/dashboard/waterfall';
import { metricsRow } from './row';

// The worked example (cut-model.md 6): L2 92.666... = 6 GPU-hours used 24 - L3 3.333... + idle 72; L4 0.14.
const worked = metricsRow({
  tco_usd: '96.140000',
  l1_usd: '0.000000',
  l2_usd: '92.666667',
  l3_usd: '3.333333',
  l4_usd: '0.140000',
  l5_usd: '0.000000',
  idle_usd: '72.000000',
  l2_fixed_usd: '0.000000',
  accepted_workflows: 800,
  useful_output_tokens: 240_000,
});

describe('waterfallSteps', () => {
  it('total: sticker 20.666667 (L2 less idle), + idle 72, + L3 3.333333, + L4 0.14 = TCO 96.14', () => {
    const steps = waterfallSteps(worked, 'total')!;
    expect(steps.map((s) => [s.label, s.kind])).toEqual([
      ['Sticker cost of tokens', 'start'],
      ['+ Idle capacity', 'add'],
      ['+ Infrastructure (fixed)', 'add'],
      ['+ Retries and retrieval', 'add'],
      ['+ Orchestration and review', 'add'],
      ['+ Operations', 'add'],
      ['TCO', 'total'],
    ]);
    expect(steps.map((s) => s.value)).toEqual([20.666667, 72, 0, 3.333333, 0.14, 0, 96.14]);
    // each bar starts where the one before ended
    for (let i = 1; i < 6; i++) expect(steps[i]!.start).toBeCloseTo(steps[i - 1]!.end, 9);
    expect(steps[5]!.end).toBeCloseTo(96.14, 9);
  });

  it('per accepted workflow: 96.14 / 800 = 0.120175 per resolved ticket', () => {
    const steps = waterfallSteps(worked, 'per_accepted')!;
    expect(steps.at(-1)).toMatchObject({ label: 'Cost per accepted workflow', value: expect.closeTo(0.120175, 9) });
    expect(steps[1]!.value).toBeCloseTo(72 / 800, 12);
  });

  it('per 1M useful tokens: 96.14 / 0.24M = 400.58 USD (the example CUT)', () => {
    const steps = waterfallSteps(worked, 'per_1m_useful')!;
    expect(steps.at(-1)).toMatchObject({ label: 'CUT', value: expect.closeTo(400.583333, 5) });
  });

  it('fixed layer-2 costs are a step of their own, taken out of the sticker bar', () => {
    const row = { ...worked, l2_usd: '102.666667', l2_fixed_usd: '10.000000', tco_usd: '106.140000' };
    const steps = waterfallSteps(row, 'total')!;
    expect(steps[0]!.value).toBeCloseTo(20.666667, 9);
    expect(steps[2]!.value).toBe(10);
    expect(steps.at(-1)!.value).toBeCloseTo(106.14, 9);
  });

  it('nothing accepted or no useful tokens: no per-unit waterfall (null), the total still exists', () => {
    const none = { ...worked, accepted_workflows: 0, useful_output_tokens: 0 };
    expect(waterfallSteps(none, 'per_accepted')).toBeNull();
    expect(waterfallSteps(none, 'per_1m_useful')).toBeNull();
    expect(waterfallSteps(none, 'total')).not.toBeNull();
  });
});
