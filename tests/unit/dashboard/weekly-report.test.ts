import { describe, expect, it } from 'vitest';
import { weeklyMarkdown } from '@/lib/dashboard/weekly-markdown';
import { buildWeeklyReport, failuresByClass } from '@/lib/dashboard/weekly-report';
import { metricsRow } from './row';

const classes = [
  { slug: 'customer_support', name: 'Customer support', unit: 'resolved ticket' },
  { slug: 'agentic_coding', name: 'Agentic coding', unit: 'accepted task' },
];
const week = { from: '2026-11-09', to: '2026-11-15' };
const previous = { from: '2026-11-02', to: '2026-11-08' };

const report = buildWeeklyReport({
  week,
  previous,
  classes,
  thisWeek: [
    metricsRow({
      workload_class: 'customer_support',
      tco_usd: '700.000000',
      l2_usd: '700.000000',
      cost_per_accepted_workflow_usd: '1.400000',
      accepted_workflows: 500,
      p95_latency_ms: 1100,
      retry_rate: 0.03,
      cache_hit_rate: 0.4,
      human_review_hours: 12,
    }),
    metricsRow({ workload_class: 'agentic_coding', tco_usd: '80.000000', l1_usd: '80.000000' }),
  ],
  lastWeek: [
    metricsRow({
      workload_class: 'customer_support',
      tco_usd: '560.000000',
      l2_usd: '560.000000',
      cost_per_accepted_workflow_usd: '1.120000',
      p95_latency_ms: 1000,
      retry_rate: 0.02,
      cache_hit_rate: 0.45,
      human_review_hours: 10,
    }),
    metricsRow({ workload_class: 'agentic_coding', tco_usd: '100.000000', l1_usd: '100.000000' }),
  ],
  totalThis: metricsRow({ tco_usd: '780.000000', accepted_workflows: 520 }),
  totalLast: metricsRow({ tco_usd: '660.000000' }),
  failures: failuresByClass([
    { workload_class: 'customer_support', reason: 'wrong_answer', workflows: 7 },
    { workload_class: 'customer_support', reason: 'tone', workflows: 2 },
  ]),
});

describe('buildWeeklyReport', () => {
  const support = report.classes.find((c) => c.slug === 'customer_support')!;

  it('run rate 700 x 30.4375 / 7 = 3,043.75 a month; week-over-week +25% TCO and cost per ticket', () => {
    expect(support.runRateUsd).toBe('3043.750000');
    expect(support.wow.tco).toBeCloseTo(0.25, 12);
    expect(support.wow.costPerAccepted).toBeCloseTo(0.25, 12);
    expect(support.wow.p95Latency).toBeCloseTo(0.1, 12);
  });
  it('rates change in points: retry 2% -> 3% = +0.01, cache hit 45% -> 40% = -0.05', () => {
    expect(support.wow.retryRate).toBeCloseTo(0.01, 12);
    expect(support.wow.cacheHitRate).toBeCloseTo(-0.05, 12);
  });
  it('classes carry their name, unit and failure modes; movers name the class', () => {
    expect(support).toMatchObject({ name: 'Customer support', unit: 'resolved ticket', reviewHours: 12 });
    expect(support.failures).toEqual([
      { reason: 'wrong_answer', workflows: 7 },
      { reason: 'tone', workflows: 2 },
    ]);
    expect(report.movers.map((m) => [m.name, m.deltaUsd])).toEqual([
      ['Customer support', '140.000000'],
      ['Agentic coding', '-20.000000'],
    ]);
  });
  it('the total: 780 this week, +18.2% on 660, run rate 3,391.61', () => {
    expect(report.total.tcoChange).toBeCloseTo(120 / 660, 12);
    expect(report.total.runRateUsd).toBe('3391.607143');
  });
});

describe('weeklyMarkdown', () => {
  const md = weeklyMarkdown(report);

  it('titles the week and states the total with its run rate', () => {
    expect(md.split('\n')[0]).toBe('# Weekly TCO review: Nov 9 – Nov 15, 2026');
    expect(md).toContain(
      'Total cost of ownership $780.00 (+18.2% on Nov 2 – Nov 8, 2026), a monthly run rate of $3,391.61',
    );
  });
  it('has one table row per class with its figures and changes', () => {
    expect(md).toContain(
      '| Customer support | $3,043.75 (+25%) | $1.40 per resolved ticket (+25%) | 1,100 ms (+10%) | 3.0% (+1 pp) | 40.0% (−5 pp) | 12 h (+20%) |',
    );
  });
  it('lists the movers by layer and the failure modes', () => {
    expect(md).toContain('- Customer support: +$140.00 (+25%) — L2 serving +$140.00');
    expect(md).toContain('- Agentic coding: −$20.00 (−20%) — L1 model −$20.00');
    expect(md).toContain('- Customer support: wrong_answer (7), tone (2)');
  });
  it('escapes a pipe in a name so the table keeps its columns', () => {
    const odd = weeklyMarkdown({ ...report, classes: [{ ...report.classes[0]!, name: 'a | b' }] });
    expect(odd).toContain('| a \\| b |');
  });
});
