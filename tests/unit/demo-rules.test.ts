import { describe, expect, it } from 'vitest';
import { PriceBook } from '@/lib/costing/pricebook';
import { ACCEPTANCE, EVENT_STATUS, STAGES, type CutEvent } from '@/lib/events/event';
import { groupBy, materialize } from '../support/demo-fixture';

const { demo, events, outcomes } = materialize();
const SLUG = /^[a-z0-9][a-z0-9_-]*$/;
const GPU_HOURS = /^\d+\.\d{1,6}$|^0$/;
const USD = /^\d+(\.\d+)?$/;
const isCount = (n: number) => Number.isInteger(n) && n >= 0;

/** Every rule of cut-model.md 1.1 an event can break, as (rule, holds) pairs. */
function ruleChecks(e: CutEvent): Array<[string, boolean]> {
  return [
    ['id is 1..128 characters', e.id.length >= 1 && e.id.length <= 128],
    ['team is a slug', SLUG.test(e.team)],
    ['workload_class is a slug', SLUG.test(e.workloadClass)],
    ['workflow_id is set', e.workflowId.length >= 1 && e.workflowId.length <= 128],
    ['model and provider are set', e.model.length > 0 && e.provider.length > 0],
    ['stage is known', (STAGES as readonly string[]).includes(e.stage)],
    [
      'token counts are integers >= 0',
      [e.inputTokens, e.cachedTokens, e.retrievedTokens, e.outputTokens, e.reasoningTokens].every(isCount),
    ],
    ['retry_count and tool_calls are integers >= 0', isCount(e.retryCount) && isCount(e.toolCalls)],
    ['cached <= input', e.cachedTokens <= e.inputTokens],
    ['retrieved <= input', e.retrievedTokens <= e.inputTokens],
    ['reasoning <= output', e.reasoningTokens <= e.outputTokens],
    ['latency >= 0', Number.isFinite(e.latencyMs) && e.latencyMs >= 0],
    ['ttft null or >= 0', e.ttftMs === null || e.ttftMs >= 0],
    ['queue null or >= 0', e.queueMs === null || e.queueMs >= 0],
    ['ttft never exceeds latency', e.ttftMs === null || e.ttftMs <= e.latencyMs],
    ['status is known', (EVENT_STATUS as readonly string[]).includes(e.status)],
    ['an error says what kind', e.status === 'ok' ? e.errorType === null : (e.errorType ?? '').length > 0],
    ['acceptance is known', (ACCEPTANCE as readonly string[]).includes(e.acceptanceStatus)],
    ['a rejection reason only on a rejection', (e.rejectionReason !== null) === (e.acceptanceStatus === 'rejected')],
    ['human review >= 0', e.humanReviewSeconds >= 0],
    ['gpu_hours is a decimal with up to 6 places', GPU_HOURS.test(e.gpuHours)],
    ['a pool event reports GPU time, a managed one none', e.pool ? Number(e.gpuHours) > 0 : e.gpuHours === '0'],
    [
      'reported cost only on managed calls, as a decimal',
      e.reportedCostUsd === null || (!e.pool && USD.test(e.reportedCostUsd)),
    ],
    ['timestamp has whole milliseconds', Number.isInteger(e.timestamp.getTime())],
    [
      'attributes are scalars',
      Object.values(e.attributes).every((v) => ['string', 'number', 'boolean'].includes(typeof v)),
    ],
  ];
}

describe('demo events obey cut-model.md 1.1', () => {
  it('every event passes every field rule', () => {
    const broken = new Map<string, string>();
    for (const e of events)
      for (const [rule, holds] of ruleChecks(e)) if (!holds && !broken.has(rule)) broken.set(rule, e.id);
    expect(Object.fromEntries(broken)).toEqual({});
  });

  it('ids are unique and events come in timestamp order inside the window', () => {
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const from = demo.from.getTime();
    const to = demo.to.getTime();
    let previous = -Infinity;
    const misplaced: string[] = [];
    for (const e of events) {
      const t = e.timestamp.getTime();
      if (t < previous || t < from || t >= to) misplaced.push(e.id);
      previous = t;
    }
    expect(misplaced).toEqual([]);
  });

  it('teams, classes, models and pools all exist in the demo price book and registry', () => {
    const teams = new Set(demo.teams.map((t) => t.slug));
    const classes = new Set(demo.workloadClasses.map((c) => c.slug));
    const book = new PriceBook({ modelPrices: demo.modelPrices, pools: demo.pools, unitCosts: demo.unitCosts });
    const unknown = new Set<string>();
    for (const e of events) {
      if (!teams.has(e.team)) unknown.add(`team ${e.team}`);
      if (!classes.has(e.workloadClass)) unknown.add(`class ${e.workloadClass}`);
      if (e.pool ? !book.pool(e.pool, e.timestamp) : !book.modelPrice(e.provider, e.model, e.timestamp)) {
        unknown.add(`${e.provider}/${e.model}@${e.pool ?? 'api'}`);
      }
    }
    expect([...unknown]).toEqual([]);
  });

  it('a workflow carries its verdict on its last event only, or stays pending for a late outcome', () => {
    const lateIds = new Set(outcomes.map((o) => o.workflowId));
    for (const [id, wf] of groupBy(events, (e) => e.workflowId)) {
      const decided = wf.filter((e) => e.acceptanceStatus !== 'pending');
      if (lateIds.has(id)) expect(decided).toEqual([]);
      else if (decided.length > 0) expect(decided).toEqual([wf[wf.length - 1]]);
      expect(new Set(wf.map((e) => `${e.team}/${e.workloadClass}`)).size).toBe(1);
    }
  });

  it('no pool is ever reported busier than it is provisioned on a day', () => {
    const provisioned = new Map(
      demo.pools.map((p) => [
        p.name,
        p.provisionedGpuHoursPerDay === null ? p.gpuCount * 24 : Number(p.provisionedGpuHoursPerDay) / 1e6,
      ]),
    );
    const used = new Map<string, number>();
    for (const e of events) {
      if (!e.pool) continue;
      const key = `${e.pool} ${e.timestamp.toISOString().slice(0, 10)}`;
      used.set(key, (used.get(key) ?? 0) + Number(e.gpuHours));
    }
    for (const [key, hours] of used) expect(hours, key).toBeLessThan(provisioned.get(key.split(' ')[0]!)!);
  });
});

describe('demo price book', () => {
  it('prices and pools are in force before the first event', () => {
    for (const p of [...demo.modelPrices, ...demo.pools, ...demo.unitCosts]) {
      expect(p.effectiveFrom.getTime()).toBeLessThan(demo.from.getTime());
    }
    for (const f of demo.fixedCosts) expect(f.effectiveFrom < demo.from.toISOString().slice(0, 10)).toBe(true);
  });

  it('fixed costs sit on layers 2, 4 and 5, fixed shares sum to 100, assigned ones name an owner', () => {
    expect(new Set(demo.fixedCosts.map((f) => f.layer))).toEqual(new Set([2, 4, 5]));
    for (const f of demo.fixedCosts) {
      expect(f.monthlyUsd).toMatch(USD);
      if (f.rule === 'fixed') expect(Object.values(f.fixedShares ?? {}).reduce((a, b) => a + b, 0)).toBe(100);
      if (f.rule === 'assigned') expect(f.team !== null || f.workloadClass !== null).toBe(true);
    }
    const rules = new Set(demo.fixedCosts.map((f) => f.rule));
    for (const rule of ['assigned', 'weighted', 'even', 'fixed']) expect(rules.has(rule as never)).toBe(true);
  });

  it('has two pools with different rates and at least four managed models', () => {
    expect(demo.pools).toHaveLength(2);
    expect(demo.pools[0]!.usdPerGpuHour).not.toBe(demo.pools[1]!.usdPerGpuHour);
    expect(new Set(demo.modelPrices.map((p) => p.model)).size).toBeGreaterThanOrEqual(4);
  });
});
