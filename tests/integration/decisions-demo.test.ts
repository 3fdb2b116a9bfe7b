import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPriceBook } from '@/db/writes/pricebook';
import { insertOutcomes } from '@/db/writes/outcomes';
import { getIngestContext } from '@/ingest/context';
import { writeEventBatch } from '@/ingest/write-batch';
import type { RecommendationsBody } from '@/lib/api/recommendations-wire';
import { materialize, SMALL_DEMO } from '../support/demo-fixture';
import { freshDatabase, type TestDatabase } from './support/database';
import { decisionsApi, expectLayersAddUp } from './support/decisions-api';

/** The demo's shapes at a test's size (60 days, 60k calls), ingested and settled for real. */
let db: TestDatabase;
const RANGE = { from: '2025-05-15', to: '2025-06-29' };
const CLASSES = [
  'agentic_coding',
  'customer_support',
  'document_review',
  'internal_knowledge_assistant',
  'long_context_research',
];

beforeAll(async () => {
  db = await freshDatabase();
  const { demo, events, outcomes } = materialize(SMALL_DEMO);
  await insertPriceBook(db, demo, 'demo');
  const context = await getIngestContext(db);
  for (let i = 0; i < events.length; i += 5000) await writeEventBatch(db, events.slice(i, i + 5000), context);
  await insertOutcomes(db, outcomes);
});
afterAll(async () => {
  await db?.destroy();
});

describe('a what-if with no changes is the metrics row, exactly, for every class and for all', () => {
  for (const workloadClass of [...CLASSES, null]) {
    it(workloadClass ?? 'all classes', async () => {
      const api = decisionsApi(db);
      const answer = await api.whatIfOk({ ...RANGE, workload_class: workloadClass, changes: {} });
      const metrics = await api.metricsRow(workloadClass ? { ...RANGE, workload_class: workloadClass } : RANGE);
      expect(answer.baseline).toEqual(metrics);
      expect(answer.projected).toEqual(metrics);
      expect(answer.organisation.projected_tco_usd).toBe(answer.organisation.baseline_tco_usd);
    });
  }
});

describe('changes at demo scale keep the books straight', () => {
  it('every lever at once: layers add up, idle and fixed costs are re-allocated, nothing is NaN', async () => {
    const api = decisionsApi(db);
    const changes = {
      input_tokens_cut_pct: 20,
      retrieved_tokens_cut_pct: 30,
      output_tokens_cut_pct: 10,
      cache_hit_rate: 0.6,
      max_retries: 1,
      acceptance_rate_points: 5,
    };
    for (const workloadClass of CLASSES) {
      const { baseline, projected } = await api.whatIfOk({ ...RANGE, workload_class: workloadClass, changes });
      expectLayersAddUp(projected);
      expect(projected.requests).toBe(baseline.requests);
      expect(projected.input_tokens).toBeLessThan(baseline.input_tokens);
      expect(projected.accepted_workflows).toBeGreaterThanOrEqual(baseline.accepted_workflows);
    }
  });

  it('moving research onto l40s-b: L1 leaves, it takes a share of idle, the organisation stops paying the API', async () => {
    const { baseline, projected, notes, organisation } = await decisionsApi(db).whatIfOk({
      ...RANGE,
      workload_class: 'long_context_research',
      changes: { pool: { name: 'l40s-b', tokens_per_gpu_hour: 2_000_000 } },
    });
    expect(Number(baseline.l1_usd)).toBeGreaterThan(0);
    expect(projected.l1_usd).toBe('0.000000');
    expect(baseline.idle_usd).toBe('0.000000');
    expect(Number(projected.idle_usd)).toBeGreaterThan(0);
    expect(projected.gpu_hours).toBeGreaterThan(0);
    // the pool bills what it provisions either way: the saving is the API calls less any GPU time beyond it
    expect(Number(organisation.projected_tco_usd)).toBeLessThan(Number(organisation.baseline_tco_usd));
    expect(notes.join(' ')).toMatch(/stated throughput/);
    expectLayersAddUp(projected);
  });

  it('break-even and recommendations answer for the demo with exact decimal strings', async () => {
    const api = decisionsApi(db);
    const answer = await api.breakEvenOk({ ...RANGE, workload_class: 'document_review', pool: 'h100-a' });
    expect(answer.api).toEqual({ provider: 'openai', model: 'gpt-4o' });
    expect(answer.api_usd_per_1m).toMatch(/^\d+\.\d{6}$/);
    expect(answer.curve.length).toBeGreaterThanOrEqual(25);
    const { status, body } = await api.recommendations(RANGE);
    expect(status).toBe(200);
    const recs = (body as RecommendationsBody).recommendations;
    expect(recs.map((r) => r.workload_class).sort()).toEqual(CLASSES);
    for (const r of recs) expect(r.saving_usd_per_month).toMatch(/^\d+\.\d{6}$/);
  });
});
