import { z } from 'zod';
import { ACCEPTANCE, type CutOutcome } from '../../lib/events/event';
import { nonNegative, slug, text, timestampSchema } from './rules';

/** An outcome record (cut-model.md 1.2): a workflow's acceptance that may arrive after its events. */
export const WireOutcomeSchema = z.strictObject(
  {
    workflow_id: text(256),
    acceptance_status: z.enum(ACCEPTANCE, { error: `must be one of ${ACCEPTANCE.join(', ')}` }),
    rejection_reason: text(500).optional(),
    human_review_seconds: nonNegative(1e7).default(0),
    timestamp: timestampSchema,
    team: slug.optional(),
  },
  { error: 'must be an object' },
);

export type WireOutcome = z.infer<typeof WireOutcomeSchema>;

export function toCutOutcome(w: WireOutcome): CutOutcome {
  return {
    workflowId: w.workflow_id,
    team: w.team ?? null,
    acceptanceStatus: w.acceptance_status,
    rejectionReason: w.rejection_reason ?? null,
    humanReviewSeconds: w.human_review_seconds,
    timestamp: w.timestamp,
  };
}
