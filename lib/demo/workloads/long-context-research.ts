/**
 * Research questions: a reasoning model plans, embedding lookups fetch sources, and a long-context
 * model reads tens of thousands of retrieved tokens per answer; follow-ups reuse the cached context.
 */
import { call, wait } from '../calls';
import type { WorkloadProfile } from './profile';

/** gemini-2.5-pro doubles its price above 200k prompt tokens; the team keeps prompts under it. */
const MAX_PROMPT = 190_000;

export const longContextResearch: WorkloadProfile = {
  slug: 'long_context_research',
  teams: [
    ['research', 0.85],
    ['legal-ops', 0.15],
  ],
  eventShare: 0.12,
  approxEventsPerWorkflow: 4.8,
  weekendFactor: 0.3,
  diurnal: 'office',
  acceptRate: 0.7,
  rejectionReasons: ['missed_key_source', 'hallucinated_citation', 'too_shallow', 'off_topic'],
  lateOutcome: { share: 0.15, medianHours: 14, sigma: 0.7 },

  attributes(rng) {
    return {
      feature: 'deep_research',
      prompt_version: 'research-v3',
      corpus: rng.pick(['papers', 'patents', 'filings', 'case_law']),
    };
  },

  build(w) {
    const rng = w.rng;
    const planOut = rng.lognormal(1600, 0.4);
    call(w, {
      model: 'o3Mini',
      input: rng.lognormal(1800, 0.3),
      output: planOut,
      reasoning: planOut * rng.uniform(0.6, 0.85),
    });
    const lookups = 1 + rng.poisson(1.2);
    for (let i = 0; i < lookups; i++) {
      call(w, { model: 'embedSmall', stage: 'retrieval', input: rng.lognormal(60, 0.5), output: 0 });
    }
    const answers = 1 + (rng.chance(0.45) ? 1 : 0) + (rng.chance(0.15) ? 1 : 0);
    let context = 0;
    for (let i = 0; i < answers; i++) {
      if (i > 0) wait(w, rng.lognormal(150_000, 0.7)); // the analyst reads, then asks again
      const retrieved = Math.min(MAX_PROMPT - 4000, rng.lognormal(55_000, 0.6));
      const prompt = Math.min(MAX_PROMPT, context + retrieved + rng.lognormal(900, 0.4));
      call(w, {
        model: 'geminiPro',
        input: prompt,
        cached: context * 0.9, // context caching of the sources already read
        retrieved: Math.min(prompt, retrieved + context * 0.85),
        output: rng.lognormal(1400, 0.4),
      });
      context = Math.min(MAX_PROMPT / 2, prompt);
    }
    return {};
  },
};
