import type { AcceptanceStatus } from '../events/event';
import type { RollupDelta, WorkflowDelta } from './aggregate';

/** What one ingest batch adds: its rollup rows and its workflow facts. */
export interface BatchDeltas {
  rollups: RollupDelta[];
  workflows: WorkflowDelta[];
}

/**
 * Deltas as JSON text for `pending_batches`: each row a tuple in a fixed field order (about half
 * the bytes of objects), money and GPU time as decimal strings of their integer units, instants as
 * epoch milliseconds, histograms without their leading empty buckets. Decoding gives back exactly
 * what was encoded.
 */
type RollupTuple = [
  ...[string, string, string, string, string, string],
  ...[number, number, number, number, number, number, number, number, number, number, number, number],
  ...[string, string, string, string, string, string, string, string],
  number[],
  number[],
];
type WorkflowTuple = [
  ...[string, string, string, number, number, string, string, string, string, number, number, number],
  ...[AcceptanceStatus, number | null, string | null, number],
];

// prettier-ignore
const rollupTuple = (r: RollupDelta): RollupTuple => [
  r.team, r.day, r.workloadClass, r.model, r.provider, r.pool,
  r.requests, r.errors, r.unpriced, r.fallbacks, r.retries, r.toolCalls, r.inputTokens, r.cachedTokens,
  r.retrievedTokens, r.outputTokens, r.reasoningTokens, r.humanReviewSeconds,
  String(r.gpuNanoHours), String(r.base), String(r.reported), String(r.pricebook),
  String(r.l1), String(r.l2), String(r.l3), String(r.l4),
  packHistogram(r.latencyHist), packHistogram(r.ttftHist),
];

// prettier-ignore
const fromRollupTuple = (t: RollupTuple): RollupDelta => ({
  team: t[0], day: t[1], workloadClass: t[2], model: t[3], provider: t[4], pool: t[5],
  requests: t[6], errors: t[7], unpriced: t[8], fallbacks: t[9], retries: t[10], toolCalls: t[11],
  inputTokens: t[12], cachedTokens: t[13], retrievedTokens: t[14], outputTokens: t[15], reasoningTokens: t[16],
  humanReviewSeconds: t[17],
  gpuNanoHours: BigInt(t[18]), base: BigInt(t[19]), reported: BigInt(t[20]), pricebook: BigInt(t[21]),
  l1: BigInt(t[22]), l2: BigInt(t[23]), l3: BigInt(t[24]), l4: BigInt(t[25]),
  latencyHist: unpackHistogram(t[26]), ttftHist: unpackHistogram(t[27]),
});

/**
 * A histogram as its count of leading empty buckets followed by the rest: a batch's row holds a
 * few dozen calls, so most of its low buckets are empty, and this halves the text.
 */
function packHistogram(hist: readonly number[]): number[] {
  if (hist.length === 0) return [];
  let lead = 0;
  while (lead < hist.length && hist[lead] === 0) lead++;
  return [lead, ...hist.slice(lead)];
}

function unpackHistogram(packed: readonly number[]): number[] {
  if (packed.length === 0) return [];
  return [...new Array<number>(packed[0]!).fill(0), ...packed.slice(1)];
}

// prettier-ignore
const workflowTuple = (w: WorkflowDelta): WorkflowTuple => [
  w.team, w.workflowId, w.workloadClass, w.firstEventAt.getTime(), w.lastEventAt.getTime(), w.day,
  w.model, w.provider, w.pool, w.attributedRank, w.attributedAt.getTime(), w.events,
  w.acceptanceStatus, w.acceptanceAt ? w.acceptanceAt.getTime() : null, w.rejectionReason, w.usefulOutputTokens,
];

// prettier-ignore
const fromWorkflowTuple = (t: WorkflowTuple): WorkflowDelta => ({
  team: t[0], workflowId: t[1], workloadClass: t[2], firstEventAt: new Date(t[3]), lastEventAt: new Date(t[4]),
  day: t[5], model: t[6], provider: t[7], pool: t[8], attributedRank: t[9], attributedAt: new Date(t[10]),
  events: t[11], acceptanceStatus: t[12], acceptanceAt: t[13] === null ? null : new Date(t[13]),
  rejectionReason: t[14], usefulOutputTokens: t[15],
});

export function encodeDeltas(deltas: BatchDeltas): string {
  return JSON.stringify([deltas.rollups.map(rollupTuple), deltas.workflows.map(workflowTuple)]);
}

/** Reads text made by `encodeDeltas`; only this program writes it, so its shape is trusted. */
export function decodeDeltas(text: string): BatchDeltas {
  const [rollups, workflows] = JSON.parse(text) as [RollupTuple[], WorkflowTuple[]];
  return { rollups: rollups.map(fromRollupTuple), workflows: workflows.map(fromWorkflowTuple) };
}
