import { settings } from '@/db/schema';
import { insertPriceBook } from '@/db/writes/pricebook';
import { rebuildSettledSums } from '@/db/writes/settled-sums';
import { getIngestContext } from '@/ingest/context';
import { writeEventBatch } from '@/ingest/write-batch';
import type { CutEvent } from '@/lib/events/event';
import { makeEvent, makePool, makePrice, usdPer1m } from '../../support/events';
import { workedExampleBook, workedExampleEvents } from '../../support/worked-example';
import type { TestDatabase } from './database';

/**
 * Data for the metrics API tests. The small fixture has its workflow figures and allocations
 * written by hand so the read path is tested alone; the worked example is settled for real.
 */

// Reporting days in Los Angeles (UTC-7 in spring): D1 is a Sunday whose evening is Monday in UTC,
// D2 a March 31 whose evening is April 1 in UTC, D4 a quiet day that only carries idle capacity.
export const D1 = '2026-03-29';
export const D2 = '2026-03-31';
export const D3 = '2026-04-01';
export const D4 = '2026-04-02';

function fixtureEvents(): CutEvent[] {
  const support = { team: 'support', workloadClass: 'customer_support' };
  const research = { team: 'research', workloadClass: 'long_context_research' };
  return [
    // base (1,000 x 1 + 1,000 x 0.1 + 500 x 4) / 1e6 = 0.0031: half is the retry (L3), half L1
    makeEvent({
      ...support,
      id: 'e1',
      timestamp: new Date('2026-03-30T05:00:00Z'),
      inputTokens: 2000,
      cachedTokens: 1000,
      outputTokens: 500,
      retryCount: 1,
      latencyMs: 200,
      ttftMs: 50,
    }),
    // base 0.002 (L1); 1,800 s of review at 60/h = 30.00 (L4)
    makeEvent({
      ...support,
      id: 'e2',
      timestamp: new Date('2026-04-01T03:00:00Z'),
      inputTokens: 1000,
      outputTokens: 250,
      fallback: true,
      humanReviewSeconds: 1800,
      latencyMs: 400,
    }),
    // no price for this model: base 0, counted as unpriced
    makeEvent({
      ...support,
      id: 'e5',
      model: 'mystery',
      timestamp: new Date('2026-04-01T04:00:00Z'),
      outputTokens: 100,
    }),
    // base 10,000 x 3 + 1,000 x 15 = 0.045; retrieved share 15,000 / 45,000 = 1/3: L3 0.015, L1 0.030
    makeEvent({
      ...research,
      id: 'e3',
      model: 'claude-test',
      provider: 'anthropic',
      timestamp: new Date('2026-04-01T18:00:00Z'),
      inputTokens: 10_000,
      retrievedTokens: 5000,
      outputTokens: 1000,
      latencyMs: 3000,
      ttftMs: 800,
    }),
    // 0.5 GPU-hours x 2.00 = 1.00 (L2)
    makeEvent({
      ...research,
      id: 'e4',
      model: 'llama',
      provider: 'self-hosted',
      pool: 'gpu-a',
      timestamp: new Date('2026-04-01T19:00:00Z'),
      inputTokens: 1000,
      outputTokens: 100,
      gpuHours: '0.5',
      latencyMs: 1000,
    }),
  ];
}

// [team, day, workload class, model, provider, pool, workflows, accepted, rejected, useful tokens, outcome review s]
const WORKFLOW_ROLLUPS = [
  ['support', D1, 'customer_support', 'gpt-test', 'openai', '', 1, 1, 0, '250', '0'],
  ['support', D2, 'customer_support', 'gpt-test', 'openai', '', 1, 0, 1, '0', '600'],
  ['support', D2, 'customer_support', 'mystery', 'openai', '', 1, 0, 0, '0', '0'],
  ['research', D3, 'long_context_research', 'claude-test', 'anthropic', '', 1, 1, 0, '1000', '0'],
  ['research', D3, 'long_context_research', 'llama', 'self-hosted', 'gpu-a', 1, 0, 0, '0', '0'],
];

// [team, day, workload class, model, provider, pool, kind, source, layer, usd]
const ALLOCATIONS = [
  ['research', D3, 'long_context_research', 'llama', 'self-hosted', 'gpu-a', 'idle', 'gpu-a', 2, '47'],
  ['research', D4, 'long_context_research', 'llama', 'self-hosted', 'gpu-a', 'idle', 'gpu-a', 2, '48'],
  ['research', D3, 'long_context_research', 'claude-test', 'anthropic', '', 'fixed', 'network', 2, '1.25'],
  ['support', D2, 'customer_support', 'gpt-test', 'openai', '', 'fixed', 'eval-infra', 4, '2.5'],
  ['support', D2, 'customer_support', 'gpt-test', 'openai', '', 'review', 'review', 4, '10'],
  ['platform', D1, 'internal_knowledge_assistant', 'gpt-test', 'openai', '', 'fixed', 'audit', 5, '10'],
];

/** The fixture with its workflow figures and allocations written by hand, its days marked settled. */
export async function loadFixture(target: TestDatabase) {
  await target.orm.insert(settings).values({ key: 'reporting_time_zone', value: 'America/Los_Angeles' });
  await insertPriceBook(
    target,
    {
      pools: [makePool({ name: 'gpu-a', usdPerGpuHour: 2_000_000n })],
      modelPrices: [
        makePrice(),
        makePrice({
          provider: 'anthropic',
          model: 'claude-test',
          inputPer1m: usdPer1m('3'),
          cachedInputPer1m: usdPer1m('0.3'),
          outputPer1m: usdPer1m('15'),
        }),
      ],
    },
    'test',
  );
  await writeEventBatch(target, fixtureEvents(), await getIngestContext(target));
  for (const w of WORKFLOW_ROLLUPS) {
    await target.query(
      `insert into workflow_rollups (team, day, workload_class, model, provider, pool, workflows, accepted_workflows,
                                     rejected_workflows, useful_output_tokens, outcome_review_seconds)
       values ($1, $2::date, $3, $4, $5, $6, $7, $8, $9, $10::numeric, $11::numeric)`,
      w,
    );
  }
  for (const a of ALLOCATIONS) {
    await target.query(
      `insert into allocations (team, day, workload_class, model, provider, pool, kind, source, layer, usd)
       values ($1, $2::date, $3, $4, $5, $6, $7::allocation_kind, $8, $9, $10::numeric)`,
      a,
    );
  }
  // The settle step is not under test here: every day of the fixture's months counts as settled,
  // with the sums settling keeps of the hand-written allocations and of the events' histograms.
  const days = await target.query<{ day: string }>(
    'select day::text as day from daily_rollups union select day::text from allocations',
  );
  for (const { day } of days) await rebuildSettledSums(target, day);
  await target.query('delete from dirty_days');
  await target.query(
    `insert into settled_days (day) select d::date from generate_series('2026-03-01'::date, '2026-04-30'::date, interval '1 day') d`,
  );
}

/** The worked example's price book and events; its day is left for the route to settle. */
export async function loadWorkedExample(target: TestDatabase) {
  await insertPriceBook(target, workedExampleBook, 'test');
  await writeEventBatch(target, workedExampleEvents(), await getIngestContext(target));
}
