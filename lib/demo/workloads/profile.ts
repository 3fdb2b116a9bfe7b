import type { AttributeValue } from '../../events/event';
import type { Diurnal } from '../calendar';
import type { WorkflowDraft } from '../calls';
import type { Rng } from '../prng';

/** What a workflow builder reports beyond its events, for the acceptance decision. */
export interface WorkflowResult {
  /** reviewer seconds spent on the outcome (escalations, sign-offs) */
  reviewSeconds?: number;
  /** added to the class's acceptance rate for this workflow */
  acceptShift?: number;
  /** the reason to give if this workflow is rejected, overriding a random pick */
  rejectionReason?: string;
}

/** One workload class of the demo: who runs it, when, how it calls models, how often it succeeds. */
export interface WorkloadProfile {
  slug: string;
  /** team slug and relative weight */
  teams: ReadonlyArray<readonly [string, number]>;
  /** share of all events this class should produce */
  eventShare: number;
  /** rough mean of events per workflow, used only to turn event shares into workflow draws */
  approxEventsPerWorkflow: number;
  /** weekend traffic relative to a weekday */
  weekendFactor: number;
  diurnal: Diurnal;
  acceptRate: number;
  rejectionReasons: readonly string[];
  /** share of workflows whose acceptance arrives later as an outcome record, and the delay */
  lateOutcome: { share: number; medianHours: number; sigma: number };
  attributes(rng: Rng, progress: number, team: string): Record<string, AttributeValue>;
  /** appends the workflow's calls; `progress` runs 0..1 over the window (for slow drifts) */
  build(w: WorkflowDraft, progress: number): WorkflowResult;
}
