/**
 * Support tickets: a cheap router, then a few turns of a self-hosted 70B model over knowledge-base
 * context with a guardrail check on every reply; some tickets escalate to a human reviewer.
 */
import { call, wait } from '../calls';
import type { WorkloadProfile } from './profile';

const SYSTEM_PROMPT = 900;

export const customerSupport: WorkloadProfile = {
  slug: 'customer_support',
  teams: [
    ['support', 0.9],
    ['growth', 0.1],
  ],
  eventShare: 0.25,
  approxEventsPerWorkflow: 4.8,
  weekendFactor: 0.65,
  diurnal: 'round_the_clock',
  acceptRate: 0.8,
  rejectionReasons: ['wrong_answer', 'customer_reopened', 'policy_misquoted', 'tone', 'escalated_unresolved'],
  lateOutcome: { share: 0.2, medianHours: 26, sigma: 0.5 },

  attributes(rng, _progress, team) {
    return {
      feature: team === 'growth' ? 'presales_chat' : rng.pick(['ticket_reply', 'ticket_reply', 'live_chat']),
      prompt_version: 'support-v7',
      channel: rng.pick(['email', 'chat', 'chat', 'web_form']),
    };
  },

  build(w) {
    const rng = w.rng;
    call(w, { model: 'gpt4oMini', stage: 'routing', input: rng.lognormal(520, 0.2), output: rng.int(6, 30) });
    const turns = 1 + Math.min(5, rng.poisson(0.9));
    let history = 0;
    for (let turn = 0; turn < turns; turn++) {
      if (turn > 0) wait(w, rng.lognormal(75_000, 0.8)); // the customer answers
      const question = rng.lognormal(110, 0.6);
      const retrieved = rng.lognormal(1300, 0.4);
      const reply = rng.lognormal(230, 0.4);
      // vLLM prefix caching serves the system prompt and the earlier turns.
      call(w, {
        model: 'llama70b',
        input: SYSTEM_PROMPT + history + retrieved + question,
        cached: SYSTEM_PROMPT + history,
        retrieved,
        output: reply,
      });
      call(w, { model: 'llamaGuard', stage: 'guardrail', input: 320 + reply, output: rng.int(3, 10) });
      history += question + reply;
    }
    if (!rng.chance(turns > 2 ? 0.25 : 0.1)) return {};
    return {
      reviewSeconds: rng.lognormal(420, 0.6),
      acceptShift: -0.12,
      rejectionReason: 'escalated_unresolved',
    };
  },
};
