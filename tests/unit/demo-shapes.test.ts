import { describe, expect, it } from 'vitest';
import type { CutEvent } from '@/lib/events/event';
import { groupBy, materialize, mean, utcDay } from '../support/demo-fixture';

const { demo, events, outcomes } = materialize();
const byDay = groupBy(events, (e) => utcDay(e.timestamp));
const days = [...byDay.keys()].sort();
const byClass = groupBy(events, (e) => e.workloadClass);
const workflows = groupBy(events, (e) => e.workflowId);
const cls = (slug: string): CutEvent[] => byClass.get(slug) ?? [];
const retryRate = (es: readonly CutEvent[]) => mean(es.map((e) => e.retryCount));
const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

describe('the calendar of the demo', () => {
  it('the incident day has a far higher retry rate, more errors and more fallbacks than the days around it', () => {
    const day = utcDay(demo.incident.from);
    const i = days.indexOf(day);
    const neighbours = [days[i - 1]!, days[i + 1]!].map((d) => byDay.get(d)!);
    const incident = byDay.get(day)!;
    for (const n of neighbours) {
      expect(retryRate(incident)).toBeGreaterThan(3 * retryRate(n));
      expect(incident.filter((e) => e.status === 'error').length).toBeGreaterThan(
        2 * n.filter((e) => e.status === 'error').length,
      );
      expect(incident.filter((e) => e.fallback).length).toBeGreaterThan(n.filter((e) => e.fallback).length);
    }
  });

  it('latency rises on the incident provider during the outage', () => {
    const from = demo.incident.from.getTime();
    const to = demo.incident.to.getTime();
    const hit = events.filter((e) => e.provider === demo.incident.provider && e.status === 'ok');
    const during = hit.filter((e) => e.timestamp.getTime() >= from && e.timestamp.getTime() < to);
    const otherwise = hit.filter((e) => e.timestamp.getTime() < from || e.timestamp.getTime() >= to);
    expect(mean(during.map((e) => e.latencyMs))).toBeGreaterThan(1.5 * mean(otherwise.map((e) => e.latencyMs)));
  });

  it('weekends are quieter than weekdays', () => {
    const volume = (weekend: boolean) =>
      mean(days.filter((d) => isWeekend(d) === weekend).map((d) => byDay.get(d)!.length));
    expect(volume(true)).toBeLessThan(0.7 * volume(false));
  });

  it('the knowledge assistant prompt creeps: mean input tokens grow over the window', () => {
    const gen = cls('internal_knowledge_assistant').filter((e) => e.stage === 'generation' && e.retryCount === 0);
    const firstWeeks = new Set(days.slice(0, 14));
    const lastWeeks = new Set(days.slice(-14));
    const input = (window: Set<string>) =>
      mean(gen.filter((e) => window.has(utcDay(e.timestamp))).map((e) => e.inputTokens));
    expect(input(lastWeeks)).toBeGreaterThan(1.2 * input(firstWeeks));
  });
});

describe('late outcomes', () => {
  it('exist, and each refers to a workflow whose events exist, arriving after its last event', () => {
    expect(outcomes.length).toBeGreaterThan(0);
    const late: string[] = [];
    for (const o of outcomes) {
      const wf = workflows.get(o.workflowId);
      if (!wf) throw new Error(`outcome for unknown workflow ${o.workflowId}`);
      const last = wf[wf.length - 1]!;
      if (o.timestamp.getTime() <= last.timestamp.getTime()) late.push(o.workflowId);
      expect(o.team).toBe(last.team);
      expect(o.acceptanceStatus).not.toBe('pending');
    }
    expect(late).toEqual([]);
  });

  it('arrive hours to days later, all inside the window, in timestamp order', () => {
    const delays = outcomes.map((o) => {
      const wf = workflows.get(o.workflowId)!;
      return (o.timestamp.getTime() - wf[wf.length - 1]!.timestamp.getTime()) / 3_600_000;
    });
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...delays)).toBeGreaterThan(24);
    expect(outcomes.every((o) => o.timestamp < demo.to)).toBe(true);
    expect(outcomes.map((o) => o.timestamp.getTime())).toEqual(
      outcomes.map((o) => o.timestamp.getTime()).sort((a, b) => a - b),
    );
  });
});

describe('what each workload class looks like', () => {
  it('agentic coding runs many calls per workflow, with tool calls, tool-stage events and retries', () => {
    const coding = cls('agentic_coding');
    const perWorkflow = groupBy(coding, (e) => e.workflowId);
    expect(mean([...perWorkflow.values()].map((w) => w.length))).toBeGreaterThan(5);
    expect(coding.some((e) => e.stage === 'tool')).toBe(true);
    expect(mean(coding.map((e) => e.toolCalls))).toBeGreaterThan(0.5);
    expect(coding.some((e) => e.retryCount > 0)).toBe(true);
    expect(coding.filter((e) => e.cachedTokens > 0).length).toBeGreaterThan(coding.length / 3);
  });

  it('long-context research reads large prompts that are mostly retrieved context', () => {
    const synth = cls('long_context_research').filter((e) => e.stage === 'generation' && e.retrievedTokens > 0);
    expect(mean(synth.map((e) => e.inputTokens))).toBeGreaterThan(30_000);
    expect(mean(synth.map((e) => e.retrievedTokens / e.inputTokens))).toBeGreaterThan(0.5);
    expect(cls('long_context_research').some((e) => e.stage === 'retrieval')).toBe(true);
  });

  it('customer support escalates some tickets to human review and records why tickets fail', () => {
    const support = cls('customer_support');
    expect(support.filter((e) => e.humanReviewSeconds > 0).length).toBeGreaterThan(0);
    const reasons = new Set(support.map((e) => e.rejectionReason).filter((r) => r !== null));
    expect(reasons.size).toBeGreaterThanOrEqual(3);
  });

  it('document review has judge calls on a managed API, each carrying a workflow with generation calls', () => {
    const judges = cls('document_review').filter((e) => e.stage === 'evaluation');
    expect(judges.length).toBeGreaterThan(0);
    for (const j of judges) {
      expect(j.pool).toBeNull();
      expect(workflows.get(j.workflowId)!.some((e) => e.stage === 'generation')).toBe(true);
    }
  });

  it('reasoning tokens come from one reasoning model only; cached tokens from several models', () => {
    expect(new Set(events.filter((e) => e.reasoningTokens > 0).map((e) => e.model)).size).toBe(1);
    expect(new Set(events.filter((e) => e.cachedTokens > 0).map((e) => e.model)).size).toBeGreaterThan(2);
  });

  it('both GPU pools carry traffic, from self-hosted models', () => {
    const pooled = events.filter((e) => e.pool !== null);
    expect(new Set(pooled.map((e) => e.pool))).toEqual(new Set(demo.pools.map((p) => p.name)));
    expect(pooled.every((e) => e.provider === 'self-hosted')).toBe(true);
  });

  it('acceptance rates differ by class', () => {
    const rates = [...byClass.entries()].map(([, es]) => {
      const decided = es.filter((e) => e.acceptanceStatus !== 'pending');
      return decided.filter((e) => e.acceptanceStatus === 'accepted').length / decided.length;
    });
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.1);
    for (const r of rates) expect(r).toBeGreaterThan(0.4);
  });

  it('six teams and all five workload classes appear', () => {
    expect(new Set(events.map((e) => e.team)).size).toBe(demo.teams.length);
    expect(byClass.size).toBe(demo.workloadClasses.length);
  });
});
