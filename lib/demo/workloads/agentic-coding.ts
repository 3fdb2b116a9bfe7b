/**
 * Coding agents: an optional reasoning-model plan, then a loop of steps on a frontier model whose
 * context grows with every tool result (mostly served from the prompt cache). Some tool
 * invocations run a small model of their own (summarizing logs, search hits), as tool-stage calls.
 */
import { call, wait } from '../calls';
import type { WorkloadProfile } from './profile';

const MAX_STEPS = 40;

export const agenticCoding: WorkloadProfile = {
  slug: 'agentic_coding',
  teams: [
    ['platform', 0.8],
    ['research', 0.1],
    ['growth', 0.1],
  ],
  eventShare: 0.3,
  approxEventsPerWorkflow: 13.2,
  weekendFactor: 0.25,
  diurnal: 'office',
  acceptRate: 0.62,
  rejectionReasons: ['tests_failed', 'pr_closed_unmerged', 'wrong_approach', 'max_steps_reached'],
  lateOutcome: { share: 0.5, medianHours: 8, sigma: 1 },

  attributes(rng) {
    return {
      feature: rng.pick(['pr_agent', 'pr_agent', 'test_fixer', 'dependency_bump']),
      prompt_version: 'agent-v12',
      repo: rng.pick(['api', 'web', 'infra', 'billing']),
    };
  },

  build(w) {
    const rng = w.rng;
    if (rng.chance(0.3)) {
      const planOut = rng.lognormal(2400, 0.4);
      call(w, {
        model: 'o3Mini',
        input: rng.lognormal(6000, 0.3),
        output: planOut,
        reasoning: planOut * rng.uniform(0.7, 0.9),
      });
    }
    const steps = Math.max(2, Math.min(MAX_STEPS, Math.round(rng.lognormal(8, 0.55))));
    let context = rng.lognormal(9000, 0.3); // system prompt, repo map, task
    let cacheWarm = 0;
    for (let step = 0; step < steps; step++) {
      const last = step === steps - 1;
      const tools = last ? 0 : rng.poisson(1.4);
      const out = rng.lognormal(420, 0.6);
      call(w, {
        model: 'sonnet',
        input: context,
        cached: rng.chance(0.92) ? cacheWarm : 0,
        output: out,
        toolCalls: tools,
      });
      cacheWarm = context;
      context += out;
      for (let t = 0; t < tools; t++) {
        if (rng.chance(0.3)) {
          call(w, {
            model: 'gpt4oMini',
            stage: 'tool',
            input: rng.lognormal(2500, 0.6),
            output: rng.lognormal(180, 0.5),
          });
        }
        wait(w, rng.lognormal(3500, 1)); // running tests, searching, editing
        context += rng.lognormal(700, 0.8);
      }
    }
    return steps >= MAX_STEPS ? { acceptShift: -0.3, rejectionReason: 'max_steps_reached' } : {};
  },
};
