import type { DirectCost } from '../costing/direct';
import { usefulNanoTokens } from '../costing/direct';
import type { AcceptanceStatus, CutEvent } from '../events/event';
import { addToHistogram } from '../histogram';
import { parseDecimal } from '../money';

export interface PricedEvent {
  event: CutEvent;
  cost: DirectCost;
}

/** What one batch adds to one daily_rollups row. Money in pico-dollars, GPU-hours in nano-hours. */
export interface RollupDelta {
  team: string;
  day: string;
  workloadClass: string;
  model: string;
  provider: string;
  pool: string;
  requests: number;
  errors: number;
  unpriced: number;
  fallbacks: number;
  retries: number;
  toolCalls: number;
  inputTokens: number;
  cachedTokens: number;
  retrievedTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  humanReviewSeconds: number;
  gpuNanoHours: bigint;
  base: bigint;
  reported: bigint;
  pricebook: bigint;
  l1: bigint;
  l2: bigint;
  l3: bigint;
  l4: bigint;
  latencyHist: number[];
  ttftHist: number[];
}

function emptyDelta(e: CutEvent, day: string): RollupDelta {
  return {
    team: e.team,
    day,
    workloadClass: e.workloadClass,
    model: e.model,
    provider: e.provider,
    pool: e.pool ?? '',
    requests: 0,
    errors: 0,
    unpriced: 0,
    fallbacks: 0,
    retries: 0,
    toolCalls: 0,
    inputTokens: 0,
    cachedTokens: 0,
    retrievedTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    humanReviewSeconds: 0,
    gpuNanoHours: 0n,
    base: 0n,
    reported: 0n,
    pricebook: 0n,
    l1: 0n,
    l2: 0n,
    l3: 0n,
    l4: 0n,
    latencyHist: [],
    ttftHist: [],
  };
}

/** Sums priced events into rollup rows keyed by reporting day x team x class x model x provider x pool. */
export function aggregateRollups(priced: readonly PricedEvent[], dayOf: (at: Date) => string): RollupDelta[] {
  const rows = new RollupRows();
  for (const { event, cost } of priced) addToRollups(rows, event, cost, dayOf(event.timestamp));
  return rows.values();
}

type Nested<T> = Map<string, T>;
/** The entry of `key` in `map`, made by `make` the first time. */
function entry<T>(map: Nested<T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
const newMap = <T>() => new Map<string, T>();

/**
 * Rollup rows by their grain, as `addToRollups` fills them, in the order they were first met.
 * The grain is looked up one field at a time (day, team, class, provider, model, pool) rather
 * than as one joined key: ingest looks a row up for every event, and a joined key is a new
 * string each time, which costs more to build and to collect than the six look-ups.
 */
export class RollupRows {
  readonly #byDay: Nested<Nested<Nested<Nested<Nested<Nested<RollupDelta>>>>>> = new Map();
  readonly #rows: RollupDelta[] = [];

  get size(): number {
    return this.#rows.length;
  }

  values(): RollupDelta[] {
    return this.#rows;
  }

  /** The row of `e`'s grain on `day`, made empty the first time. */
  rowOf(e: CutEvent, day: string): RollupDelta {
    const byTeam = entry(this.#byDay, day, newMap<Nested<Nested<Nested<Nested<RollupDelta>>>>>);
    const byClass = entry(byTeam, e.team, newMap<Nested<Nested<Nested<RollupDelta>>>>);
    const byProvider = entry(byClass, e.workloadClass, newMap<Nested<Nested<RollupDelta>>>);
    const byModel = entry(byProvider, e.provider, newMap<Nested<RollupDelta>>);
    const byPool = entry(byModel, e.model, newMap<RollupDelta>);
    const pool = e.pool ?? '';
    let row = byPool.get(pool);
    if (row === undefined) {
      byPool.set(pool, (row = emptyDelta(e, day)));
      this.#rows.push(row);
    }
    return row;
  }
}

/** Adds one priced event, of reporting day `day`, to its rollup row: for callers that stream events. */
export function addToRollups(rows: RollupRows, e: CutEvent, cost: DirectCost, day: string): void {
  const r = rows.rowOf(e, day);
  r.requests += 1;
  if (e.status === 'error') r.errors += 1;
  if (cost.source === 'unpriced') r.unpriced += 1;
  if (e.fallback) r.fallbacks += 1;
  r.retries += e.retryCount;
  r.toolCalls += e.toolCalls;
  r.inputTokens += e.inputTokens;
  r.cachedTokens += e.cachedTokens;
  r.retrievedTokens += e.retrievedTokens;
  r.outputTokens += e.outputTokens;
  r.reasoningTokens += e.reasoningTokens;
  r.humanReviewSeconds += e.humanReviewSeconds;
  // Most events are managed-API calls with no GPU time: skip parsing their "0".
  if (e.gpuHours !== '0') r.gpuNanoHours += parseDecimal(e.gpuHours, 9);
  // Each bigint sum makes a new bigint: the many zero terms (no reported cost, most layers) are skipped.
  if (cost.base !== 0n) r.base += cost.base;
  if (cost.source === 'reported') r.reported += cost.base;
  if (cost.pricebook !== 0n) r.pricebook += cost.pricebook;
  if (cost.l1 !== 0n) r.l1 += cost.l1;
  if (cost.l2 !== 0n) r.l2 += cost.l2;
  if (cost.l3 !== 0n) r.l3 += cost.l3;
  if (cost.l4 !== 0n) r.l4 += cost.l4;
  addToHistogram(r.latencyHist, e.latencyMs);
  if (e.ttftMs !== null) addToHistogram(r.ttftHist, e.ttftMs);
}

/** What one batch says about one workflow. */
export interface WorkflowDelta {
  team: string;
  workflowId: string;
  workloadClass: string;
  firstEventAt: Date;
  lastEventAt: Date;
  /** reporting day of the last event */
  day: string;
  model: string;
  provider: string;
  pool: string;
  attributedRank: number;
  attributedAt: Date;
  events: number;
  acceptanceStatus: AcceptanceStatus;
  acceptanceAt: Date | null;
  rejectionReason: string | null;
  /** exact, in nano-tokens */
  usefulNanoTokens: bigint;
  /** the events that set the last event, the attribution and the acceptance: ties go to the higher id */
  lastEventId: string;
  attributedEventId: string;
  acceptanceEventId: string | null;
}

/**
 * Whether an event at (at, id) comes at or after one at (sinceAt, sinceId): by time, then by id.
 * Ordering ties by id (not by arrival) is what makes a workflow's facts the same in any order
 * and batching of its events; MERGE_WORKFLOWS and mergeWorkflow compare the same way.
 */
export const atOrAfter = (at: Date, id: string, sinceAt: Date, sinceId: string | null) =>
  at > sinceAt || (at.getTime() === sinceAt.getTime() && id >= (sinceId ?? ''));

/**
 * Folds events into per-workflow facts: the latest non-pending acceptance wins (cut-model.md 1.2),
 * and the workflow is attributed to its latest generation call's model (another stage's only
 * until a generation call is seen). "Latest" is by time, then by event id.
 */
function aggregateWorkflows(events: readonly CutEvent[], dayOf: (at: Date) => string): WorkflowDelta[] {
  // By team, then id: no joined key is built per event (see RollupRows).
  const byTeam: Nested<Nested<WorkflowDelta>> = new Map();
  const rows: WorkflowDelta[] = [];
  for (const e of events) {
    const ofTeam = entry(byTeam, e.team, newMap<WorkflowDelta>);
    let w = ofTeam.get(e.workflowId);
    if (!w) {
      w = {
        team: e.team,
        workflowId: e.workflowId,
        workloadClass: e.workloadClass,
        firstEventAt: e.timestamp,
        lastEventAt: e.timestamp,
        day: '',
        model: e.model,
        provider: e.provider,
        pool: e.pool ?? '',
        attributedRank: -1,
        attributedAt: e.timestamp,
        events: 0,
        acceptanceStatus: 'pending',
        acceptanceAt: null,
        rejectionReason: null,
        usefulNanoTokens: 0n,
        lastEventId: e.id,
        attributedEventId: e.id,
        acceptanceEventId: null,
      };
      ofTeam.set(e.workflowId, w);
      rows.push(w);
    }
    w.events += 1;
    if (e.timestamp < w.firstEventAt) w.firstEventAt = e.timestamp;
    if (atOrAfter(e.timestamp, e.id, w.lastEventAt, w.lastEventId)) {
      w.lastEventAt = e.timestamp;
      w.workloadClass = e.workloadClass;
      w.lastEventId = e.id;
    }
    const rank = e.stage === 'generation' ? 1 : 0;
    if (
      rank > w.attributedRank ||
      (rank === w.attributedRank && atOrAfter(e.timestamp, e.id, w.attributedAt, w.attributedEventId))
    ) {
      w.attributedRank = rank;
      w.attributedAt = e.timestamp;
      w.model = e.model;
      w.provider = e.provider;
      w.pool = e.pool ?? '';
      w.attributedEventId = e.id;
    }
    w.usefulNanoTokens += usefulNanoTokens(e);
    if (
      e.acceptanceStatus !== 'pending' &&
      (w.acceptanceAt === null || atOrAfter(e.timestamp, e.id, w.acceptanceAt, w.acceptanceEventId))
    ) {
      w.acceptanceStatus = e.acceptanceStatus;
      w.acceptanceAt = e.timestamp;
      w.rejectionReason = e.rejectionReason;
      w.acceptanceEventId = e.id;
    }
  }
  for (const w of rows) w.day = dayOf(w.lastEventAt);
  return rows;
}

/** What one ingest batch adds: its rollup rows and its workflow facts. */
export interface BatchDeltas {
  rollups: RollupDelta[];
  workflows: WorkflowDelta[];
  /**
   * Each workflow's staging row (db/writes/workflows.ts), in `workflows` order, where it was
   * written ahead: ingest writes them while the server stores the batch, so the folder need not.
   * Null for a workflow whose row must be written at the merge (merged from two batches).
   */
  workflowRows?: ReadonlyArray<string | null>;
}

/** Everything a batch of priced events adds to the rollups and workflows. */
export function aggregateBatch(priced: readonly PricedEvent[], dayOf: (at: Date) => string): BatchDeltas {
  return {
    rollups: aggregateRollups(priced, dayOf),
    workflows: aggregateWorkflows(
      priced.map((p) => p.event),
      dayOf,
    ),
  };
}
