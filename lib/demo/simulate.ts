/**
 * The demo's clock: day by day it draws workflows until the day's share of the event total is
 * reached, then releases that day's events and due outcomes in timestamp order. Only one day (plus
 * the few calls that run past midnight) is held in memory, so any total can be streamed.
 */
import type { CutEvent, CutOutcome } from '../events/event';
import {
  DAY_MS,
  HOUR_MS,
  cumulativeBudgets,
  dayKey,
  drawTimeOfDay,
  incidentDayIndex,
  isWeekend,
  type DemoWindow,
} from './calendar';
import { PoolLedger, type CallEnv, type WorkflowDraft } from './calls';
import { Rng, subSeed } from './prng';
import { settleWorkflow } from './settle';
import { GATEWAY_TEAMS, WORKLOADS, type WorkloadProfile } from './workloads';

export type DemoItem = { kind: 'event'; event: CutEvent } | { kind: 'outcome'; outcome: CutOutcome };

/** What a finished stream produced: the generator's return value. */
export interface DemoSummary {
  events: number;
  workflows: number;
  outcomes: number;
}

export interface SimulationPlan {
  seed: number;
  window: DemoWindow;
  totalEvents: number;
  idPrefix: string;
  env: CallEnv;
}

/** Overall traffic grows this much from the first day to the last. */
const GROWTH = 0.15;
/** The outage runs through the European afternoon and the American morning. */
const INCIDENT_HOURS = { from: 11, to: 18 } as const;

/** The UTC [start, end) of the provider outage in a window. */
export function incidentWindow(window: DemoWindow): [number, number] {
  const dayStart = window.startMs + incidentDayIndex(window) * DAY_MS;
  return [dayStart + INCIDENT_HOURS.from * HOUR_MS, dayStart + INCIDENT_HOURS.to * HOUR_MS];
}

function classFactor(profile: WorkloadProfile, dayStartMs: number, progress: number): number {
  return profile.eventShare * (isWeekend(dayStartMs) ? profile.weekendFactor : 1) * (1 + GROWTH * progress);
}

const progressOf = (window: DemoWindow, day: number) => (window.days > 1 ? day / (window.days - 1) : 1);

/** Relative event volume per day, with a little day-to-day noise from its own random stream. */
function dayWeights(plan: SimulationPlan): number[] {
  const noise = new Rng(subSeed(plan.seed, 1));
  const { window } = plan;
  const weights: number[] = [];
  for (let day = 0; day < window.days; day++) {
    const start = window.startMs + day * DAY_MS;
    const base = WORKLOADS.reduce((sum, p) => sum + classFactor(p, start, progressOf(window, day)), 0);
    weights.push(base * noise.lognormal(1, 0.06));
  }
  return weights;
}

/** Events and late outcomes, interleaved in timestamp order (events first on a tie). */
export function* simulate(plan: SimulationPlan): Generator<DemoItem, DemoSummary> {
  const { window, totalEvents } = plan;
  const rng = new Rng(plan.seed);
  const targets = cumulativeBudgets(totalEvents, dayWeights(plan));
  const ids = new IdAssigner(plan.idPrefix);
  const ledger = new PoolLedger(plan.env.poolCapacity);
  let produced = 0;
  let workflows = 0;
  let outcomeCount = 0;
  let carry: CutEvent[] = [];
  let outcomes: CutOutcome[] = [];

  for (let day = 0; day < window.days; day++) {
    const dayStart = window.startMs + day * DAY_MS;
    const progress = progressOf(window, day);
    const pickWeights = cumulativeWeights(
      WORKLOADS.map((p) => classFactor(p, dayStart, progress) / p.approxEventsPerWorkflow),
    );
    const dayEvents = carry;
    const wfKey = `${plan.idPrefix}-wf-${dayKey(dayStart)}-`;
    let workflowNo = 0;

    while (produced < targets[day]!) {
      const profile = WORKLOADS[rng.pickCumulative(pickWeights)]!;
      const team = profile.teams.length === 1 ? profile.teams[0]![0] : pickTeam(rng, profile.teams);
      const w: WorkflowDraft = {
        rng,
        env: plan.env,
        ledger,
        team,
        workloadClass: profile.slug,
        workflowId: wfKey + String(++workflowNo).padStart(5, '0'),
        attributes: Object.freeze(profile.attributes(rng, progress, team)),
        clockMs: dayStart + drawTimeOfDay(rng, profile.diurnal),
        gatewayReportsCost: GATEWAY_TEAMS.has(team),
        events: [],
      };
      const result = profile.build(w, progress);
      const events = w.events;
      if (produced + events.length > totalEvents) events.length = totalEvents - produced;
      keepInsideWindow(events, window.endMs);
      const outcome = settleWorkflow(rng, profile, result, events, window.endMs);
      if (outcome) outcomes.push(outcome);
      for (const e of events) dayEvents.push(e);
      produced += events.length;
      if (events.length > 0) workflows++;
    }

    sortByTime(dayEvents, dayStart - DAY_MS);
    const boundary = day === window.days - 1 ? Infinity : dayStart + DAY_MS;
    let split = dayEvents.length;
    while (split > 0 && dayEvents[split - 1]!.timestamp.getTime() >= boundary) split--;
    carry = dayEvents.slice(split);

    const due = outcomes
      .filter((o) => o.timestamp.getTime() < boundary)
      .sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
    outcomes = outcomes.filter((o) => o.timestamp.getTime() >= boundary);
    outcomeCount += due.length;
    let o = 0;
    for (let i = 0; i < split; i++) {
      const e = dayEvents[i]!;
      const t = e.timestamp.getTime();
      while (o < due.length && due[o]!.timestamp.getTime() < t) yield { kind: 'outcome', outcome: due[o++]! };
      e.id = ids.next(t);
      yield { kind: 'event', event: e };
    }
    while (o < due.length) yield { kind: 'outcome', outcome: due[o++]! };
  }
  return { events: produced, workflows, outcomes: outcomeCount };
}

/** Up to 2^22 events a day fit beside a millisecond offset of up to three days in one exact double. */
const INDEX_SLOTS = 4_194_304;

/**
 * Sorts by timestamp, ties in generation order. Packing (ms since `baseMs`, index) into one number
 * lets a Float64Array sort natively: several times faster than a comparator over Dates.
 */
function sortByTime(events: CutEvent[], baseMs: number): void {
  if (events.length >= INDEX_SLOTS) {
    events.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime()); // stable
    return;
  }
  const keys = new Float64Array(events.length);
  for (let i = 0; i < events.length; i++) keys[i] = (events[i]!.timestamp.getTime() - baseMs) * INDEX_SLOTS + i;
  keys.sort();
  const sorted = Array.from(keys, (k) => events[k % INDEX_SLOTS]!);
  for (let i = 0; i < sorted.length; i++) events[i] = sorted[i]!;
}

function pickTeam(rng: Rng, teams: WorkloadProfile['teams']): string {
  let x = rng.float() * teams.reduce((s, t) => s + t[1], 0);
  for (const [slug, weight] of teams) {
    x -= weight;
    if (x < 0) return slug;
  }
  return teams[teams.length - 1]![0];
}

function cumulativeWeights(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** A workflow started late on the last day is moved earlier so that all its calls fall inside the window. */
function keepInsideWindow(events: CutEvent[], endMs: number): void {
  const last = events[events.length - 1];
  if (!last || last.timestamp.getTime() < endMs) return;
  const shift = last.timestamp.getTime() - endMs + 1000;
  for (const e of events) e.timestamp = new Date(e.timestamp.getTime() - shift);
}

/** Event ids `<prefix>-<YYYYMMDD>-<n>`, numbered in timestamp order within each UTC day. */
class IdAssigner {
  private day = -1;
  private key = '';
  private n = 0;
  constructor(private readonly prefix: string) {}

  next(ms: number): string {
    const day = Math.floor(ms / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.key = `${this.prefix}-${dayKey(ms)}-`;
      this.n = 0;
    }
    return this.key + String(++this.n).padStart(6, '0');
  }
}
