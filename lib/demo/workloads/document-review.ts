/**
 * Contract review: gpt-4o extracts clauses chunk by chunk against a retrieved clause library,
 * then a judge model on another provider scores the extraction (an evaluation-stage call carrying
 * the workflow it judges). Lawyers sign off on some documents, often days later.
 */
import { call, wait } from '../calls';
import type { WorkloadProfile } from './profile';

const SYSTEM_PROMPT = 1200;

export const documentReview: WorkloadProfile = {
  slug: 'document_review',
  teams: [['legal-ops', 1]],
  eventShare: 0.15,
  approxEventsPerWorkflow: 4,
  weekendFactor: 0.15,
  diurnal: 'office',
  acceptRate: 0.86,
  rejectionReasons: ['missed_clause', 'wrong_party', 'judge_disagreement', 'formatting'],
  lateOutcome: { share: 0.4, medianHours: 20, sigma: 0.8 },

  attributes(rng, progress) {
    return {
      feature: rng.pick(['contract_review', 'contract_review', 'nda_triage']),
      prompt_version: progress < 0.5 ? 'review-v2' : 'review-v3',
      doc_type: rng.pick(['msa', 'nda', 'dpa', 'sow']),
    };
  },

  build(w) {
    const rng = w.rng;
    const chunks = 1 + Math.min(8, rng.poisson(2));
    let extracted = 0;
    for (let i = 0; i < chunks; i++) {
      const library = rng.lognormal(1500, 0.4);
      const out = rng.lognormal(700, 0.35);
      call(w, {
        model: 'gpt4o',
        input: SYSTEM_PROMPT + library + rng.lognormal(7000, 0.5),
        cached: i === 0 ? 0 : SYSTEM_PROMPT, // automatic prompt caching after the first chunk
        retrieved: library,
        output: out,
      });
      extracted += out;
      wait(w, rng.uniform(200, 1500));
    }
    const verdict = call(w, {
      model: 'haiku',
      stage: 'evaluation',
      input: 1500 + extracted,
      output: rng.lognormal(160, 0.3),
    });
    const judgeFailed = verdict.status === 'error';
    if (rng.chance(0.2)) return { reviewSeconds: rng.lognormal(300, 0.5), acceptShift: judgeFailed ? -0.2 : 0 };
    return judgeFailed ? { acceptShift: -0.2, rejectionReason: 'judge_disagreement' } : {};
  },
};
