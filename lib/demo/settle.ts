/**
 * Decides how a finished demo workflow turned out and where that verdict is recorded: on its last
 * event (the application knew at once) or in an outcome record hours to days later, with the
 * workflow's events left `pending` (cut-model.md 1.2).
 */
import type { CutEvent, CutOutcome } from '../events/event';
import { HOUR_MS } from './calendar';
import type { Rng } from './prng';
import type { WorkflowResult, WorkloadProfile } from './workloads';

const MIN_DELAY_MS = HOUR_MS;
const MAX_DELAY_MS = 7 * 24 * HOUR_MS;
/** Workflows hit by the provider outage fail more often, and say why. */
const OUTAGE_PENALTY = 0.25;
const OUTAGE_REASON = 'provider_outage';

/** Sets the verdict on the last event, or returns the late outcome (null when none is due yet). */
export function settleWorkflow(
  rng: Rng,
  profile: WorkloadProfile,
  result: WorkflowResult,
  events: CutEvent[],
  windowEndMs: number,
): CutOutcome | null {
  const last = events[events.length - 1];
  if (!last) return null;
  const hitByOutage = events.some((e) => e.status === 'error' || e.retryCount >= 3);
  const p = profile.acceptRate + (result.acceptShift ?? 0) - (hitByOutage ? OUTAGE_PENALTY : 0);
  const accepted = rng.chance(Math.min(0.98, Math.max(0.02, p)));
  let reason: string | null = null;
  if (!accepted) {
    if (hitByOutage && rng.chance(0.6)) reason = OUTAGE_REASON;
    else if (result.rejectionReason && rng.chance(0.7)) reason = result.rejectionReason;
    else reason = rng.pick(profile.rejectionReasons);
  }
  const reviewSeconds = Math.round(result.reviewSeconds ?? 0);

  if (!rng.chance(profile.lateOutcome.share)) {
    last.acceptanceStatus = accepted ? 'accepted' : 'rejected';
    last.rejectionReason = reason;
    last.humanReviewSeconds += reviewSeconds;
    return null;
  }
  const { medianHours, sigma } = profile.lateOutcome;
  const delay = Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, rng.lognormal(medianHours * HOUR_MS, sigma)));
  const at = last.timestamp.getTime() + last.latencyMs + Math.round(delay);
  // A verdict due after the window has not arrived yet: the workflow stays pending.
  if (at >= windowEndMs) return null;
  return {
    workflowId: last.workflowId,
    team: last.team,
    acceptanceStatus: accepted ? 'accepted' : 'rejected',
    rejectionReason: reason,
    humanReviewSeconds: reviewSeconds,
    timestamp: new Date(at),
  };
}
