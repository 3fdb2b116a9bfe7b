import type { Database } from '../db/client';
import { getClassesBetween } from '../db/queries/decision-inputs';
import { getPriceBook } from '../db/queries/pricebook';
import { getSettings } from '../db/queries/settings';
import type { RecommendationsBody, RecommendationsQuery } from '../lib/api/recommendations-wire';
import type { WhatIfQuery } from '../lib/api/what-if-wire';
import type { BreakEvenBody } from '../lib/decisions/break-even-answer';
import { NO_CHANGES } from '../lib/decisions/changes';
import { actionOf, bestPerClass, migrationRecommendations } from '../lib/decisions/recommend';
import { ApiError } from '../lib/errors';
import { breakEvenOf, classCalls, decisionPeriod } from './break-even';
import { periodBounds } from './period';
import { runWhatIf } from './what-if';

/** The move a recommendation proposes, as a what-if of the class over the same period. */
function moveOf(a: BreakEvenBody, tokensPerGpuHour: string | null): WhatIfQuery['changes'] | null {
  const action = actionOf(a);
  if (action === 'stay') return null;
  const route =
    action === 'move_to_api'
      ? { kind: 'model' as const, ...a.api }
      : { kind: 'pool' as const, pool: a.pool, tokensPerGpuHour };
  return { ...NO_CHANGES, route };
}

/** A question CUT cannot answer for one class or pool (no API use, no GPU time) just leaves it out. */
async function orNull<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) return null;
    throw err;
  }
}

/** `GET /api/v1/recommendations`: every class against every pool, the best move of each with its what-if. */
export async function runRecommendations(db: Database, q: RecommendationsQuery): Promise<RecommendationsBody> {
  const [book, settings] = await Promise.all([getPriceBook(db), getSettings(db)]);
  const p = await decisionPeriod(db, q.range, settings.reporting_time_zone);
  const pools = book.poolNames().filter((name) => book.pool(name, periodBounds(p).start));
  const answers: BreakEvenBody[] = [];
  for (const workloadClass of await getClassesBetween(db, p)) {
    const calls = await orNull(() => classCalls(db, p, workloadClass));
    if (!calls) continue;
    for (const pool of pools) {
      const ask = { workloadClass, pool, api: null, ...q };
      const answer = await orNull(() => breakEvenOf(db, book, p, calls, ask));
      if (answer) answers.push(answer);
    }
  }
  const chosen = [];
  for (const answer of bestPerClass(answers)) {
    const changes = moveOf(answer, q.tokensPerGpuHour);
    const whatIf = changes
      ? await orNull(() => runWhatIf(db, { from: p.from, to: p.to, workloadClass: answer.workload_class, changes }))
      : null;
    chosen.push({ answer, whatIf });
  }
  return { from: p.from, to: p.to, recommendations: migrationRecommendations(chosen) };
}
