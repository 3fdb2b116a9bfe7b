import { mergeHistograms } from '../histogram';
import { atOrAfter, type BatchDeltas, type RollupDelta, type WorkflowDelta } from './aggregate';

/**
 * Several batches' deltas combined into one set, so they are merged into the stored tables in one
 * pass. Combining then merging once gives what merging each batch in turn gives (rollup sums add
 * up; each workflow field is "the latest wins, a tie goes to the later batch", which composes),
 * so the batches must come in the order they were written.
 */
export function combineDeltas(batches: readonly BatchDeltas[]): BatchDeltas {
  if (batches.length === 1) return batches[0]!;
  const rollups = new Map<string, RollupDelta>();
  const workflows = new Map<string, WorkflowDelta>();
  // A staging row written ahead still stands for a workflow in one batch only (in Map order).
  const rows = new Map<string, string | null>();
  for (const batch of batches) {
    for (const r of batch.rollups) {
      const key = `${r.team}\u0000${r.day}\u0000${r.workloadClass}\u0000${r.model}\u0000${r.provider}\u0000${r.pool}`;
      const into = rollups.get(key);
      rollups.set(key, into ? addRollup(into, r) : r);
    }
    batch.workflows.forEach((w, i) => {
      const key = `${w.team}\u0000${w.workflowId}`;
      const into = workflows.get(key);
      workflows.set(key, into ? mergeWorkflow(into, w) : w);
      rows.set(key, into ? null : (batch.workflowRows?.[i] ?? null));
    });
  }
  return { rollups: [...rollups.values()], workflows: [...workflows.values()], workflowRows: [...rows.values()] };
}

/** The grain is the same; every measure adds, as the SQL merge adds a batch to a stored row. */
function addRollup(a: RollupDelta, b: RollupDelta): RollupDelta {
  return {
    ...a,
    requests: a.requests + b.requests,
    errors: a.errors + b.errors,
    unpriced: a.unpriced + b.unpriced,
    fallbacks: a.fallbacks + b.fallbacks,
    retries: a.retries + b.retries,
    toolCalls: a.toolCalls + b.toolCalls,
    inputTokens: a.inputTokens + b.inputTokens,
    cachedTokens: a.cachedTokens + b.cachedTokens,
    retrievedTokens: a.retrievedTokens + b.retrievedTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    reasoningTokens: a.reasoningTokens + b.reasoningTokens,
    humanReviewSeconds: a.humanReviewSeconds + b.humanReviewSeconds,
    gpuNanoHours: a.gpuNanoHours + b.gpuNanoHours,
    base: a.base + b.base,
    reported: a.reported + b.reported,
    pricebook: a.pricebook + b.pricebook,
    l1: a.l1 + b.l1,
    l2: a.l2 + b.l2,
    l3: a.l3 + b.l3,
    l4: a.l4 + b.l4,
    latencyHist: mergeHistograms([...a.latencyHist], b.latencyHist),
    ttftHist: mergeHistograms([...a.ttftHist], b.ttftHist),
  };
}

/**
 * `b` (the later batch) merged into `a` with the rules of MERGE_WORKFLOWS in db/writes/workflows.ts:
 * the class and day follow the last event, the model the latest call of the highest rank, the
 * acceptance the latest non-pending one; "latest" is by time, then by event id.
 */
export function mergeWorkflow(a: WorkflowDelta, b: WorkflowDelta): WorkflowDelta {
  const later = atOrAfter(b.lastEventAt, b.lastEventId, a.lastEventAt, a.lastEventId);
  const attributed =
    b.attributedRank > a.attributedRank ||
    (b.attributedRank === a.attributedRank &&
      atOrAfter(b.attributedAt, b.attributedEventId, a.attributedAt, a.attributedEventId));
  const newer =
    b.acceptanceAt !== null &&
    (a.acceptanceAt === null ||
      atOrAfter(b.acceptanceAt, b.acceptanceEventId ?? '', a.acceptanceAt, a.acceptanceEventId));
  const last = later ? b : a;
  const attribution = attributed ? b : a;
  const acceptance = newer ? b : a;
  return {
    team: a.team,
    workflowId: a.workflowId,
    workloadClass: last.workloadClass,
    day: last.day,
    firstEventAt: b.firstEventAt < a.firstEventAt ? b.firstEventAt : a.firstEventAt,
    lastEventAt: last.lastEventAt,
    lastEventId: last.lastEventId,
    model: attribution.model,
    provider: attribution.provider,
    pool: attribution.pool,
    attributedRank: attribution.attributedRank,
    attributedAt: attribution.attributedAt,
    attributedEventId: attribution.attributedEventId,
    events: a.events + b.events,
    usefulNanoTokens: a.usefulNanoTokens + b.usefulNanoTokens,
    acceptanceStatus: acceptance.acceptanceStatus,
    acceptanceAt: acceptance.acceptanceAt,
    rejectionReason: acceptance.rejectionReason,
    acceptanceEventId: acceptance.acceptanceEventId,
  };
}
