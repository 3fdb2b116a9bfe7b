/**
 * The internal assistant: an embedding lookup, then a small self-hosted model while the L40S pool
 * is provisioned (a managed mini model outside those hours). Its prompt grows release by release,
 * about +40% input tokens over the window: the slow creep the dashboard should reveal.
 */
import { L40S_HOURS } from '../price-list';
import { DAY_MS, HOUR_MS } from '../calendar';
import { call, wait } from '../calls';
import type { WorkloadProfile } from './profile';

const CREEP = 0.4;
/** OpenAI caches prompt prefixes from 1,024 tokens on. */
const OPENAI_CACHE_MIN = 1024;

const promptVersion = (progress: number) => (progress < 0.35 ? 'kb-v4' : progress < 0.7 ? 'kb-v5' : 'kb-v6');

export const knowledgeAssistant: WorkloadProfile = {
  slug: 'internal_knowledge_assistant',
  teams: [
    ['knowledge', 0.55],
    ['support', 0.15],
    ['growth', 0.15],
    ['platform', 0.15],
  ],
  eventShare: 0.18,
  approxEventsPerWorkflow: 3.2,
  weekendFactor: 0.2,
  diurnal: 'office',
  acceptRate: 0.88,
  rejectionReasons: ['outdated_doc', 'not_found', 'wrong_answer'],
  lateOutcome: { share: 0, medianHours: 1, sigma: 0 },

  attributes(rng, progress) {
    return {
      feature: rng.pick(['slack_bot', 'slack_bot', 'intranet_search']),
      prompt_version: promptVersion(progress),
    };
  },

  build(w, progress) {
    const rng = w.rng;
    const creep = 1 + CREEP * progress;
    const system = 650 * creep;
    const turns = 1 + Math.min(3, rng.poisson(0.6));
    let history = 0;
    for (let turn = 0; turn < turns; turn++) {
      if (turn > 0) wait(w, rng.lognormal(40_000, 0.7));
      call(w, { model: 'embedSmall', stage: 'retrieval', input: rng.lognormal(40, 0.4), output: 0 });
      const hour = Math.floor((w.clockMs % DAY_MS) / HOUR_MS);
      const onPool = hour >= L40S_HOURS.from && hour < L40S_HOURS.to;
      const retrieved = rng.lognormal(1700, 0.35) * creep;
      const prefix = system + history;
      const answer = rng.lognormal(260, 0.45);
      call(w, {
        model: onPool ? 'llama8b' : 'gpt4oMini',
        input: prefix + retrieved + rng.lognormal(45, 0.5),
        cached: onPool || prefix >= OPENAI_CACHE_MIN ? prefix : 0,
        retrieved,
        output: answer,
      });
      history += answer + 60;
    }
    return {};
  },
};
