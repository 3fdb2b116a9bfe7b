import type { Database } from '../db/client';
import { foldIfPending } from '../costing/fold';
import { getDataRange } from '../db/queries/daily-totals';
import { getClassesBetween } from '../db/queries/decision-inputs';
import { getPriceBook } from '../db/queries/pricebook';
import { getSettings } from '../db/queries/settings';
import type { BreakEvenQuery } from '../lib/api/break-even-wire';
import { provisionedNanoHours } from '../lib/costing/allocate';
import { poolTokenWeight, priceEvent } from '../lib/costing/direct';
import type { PoolVersion, PriceBook } from '../lib/costing/pricebook';
import { defaultRange } from '../lib/dates/range';
import { breakEvenAnswer, type BreakEvenBody } from '../lib/decisions/break-even-answer';
import { NO_CHANGES } from '../lib/decisions/changes';
import { transformEvent } from '../lib/decisions/transform';
import type { CutEvent } from '../lib/events/event';
import { InvalidQueryError } from '../lib/errors';
import { parseDecimal, PICO_DIGITS } from '../lib/money';
import { poolInForce, priceInForce } from './changes';
import { periodBounds, periodCalls, type Period } from './period';
import { poolThroughput } from './throughput';

const modelsCall = (e: CutEvent) => e.stage === 'generation' || e.stage === 'tool';

/** The managed model carrying most of the class's tokens: "the API it uses today". */
function mostUsedApi(calls: readonly CutEvent[]): { provider: string; model: string } | null {
  const tokens = new Map<string, { provider: string; model: string; tokens: number }>();
  for (const e of calls) {
    if (e.pool !== null) continue;
    const key = `${e.provider}\u0000${e.model}`;
    const seen = tokens.get(key) ?? { provider: e.provider, model: e.model, tokens: 0 };
    seen.tokens += e.inputTokens + e.outputTokens;
    tokens.set(key, seen);
  }
  const best = [...tokens.values()].sort((a, b) => b.tokens - a.tokens)[0];
  return best ? { provider: best.provider, model: best.model } : null;
}

/** The asked range, or the last 30 days with data; every decision starts here, so it folds pending batches first. */
export async function decisionPeriod(
  db: Database,
  range: { from: string; to: string } | null,
  timeZone: string,
): Promise<Period> {
  await foldIfPending(db);
  if (range) return { ...range, timeZone };
  const data = await getDataRange(db);
  if (!data) throw new InvalidQueryError('from: no telemetry yet; send events first');
  return { ...defaultRange(data), timeZone };
}

/** Sums the class's calls as the break-even needs them: tokens, API cost, weight on the pool, demand by hour. */
function sumCalls(
  calls: readonly CutEvent[],
  p: Period,
  pool: PoolVersion,
  api: { provider: string; model: string },
  book: PriceBook,
) {
  const { start, end } = periodBounds(p);
  const hours = Math.ceil((end.getTime() - start.getTime()) / 3_600_000);
  const hourly = new Array<bigint>(hours).fill(0n);
  const ctx = {
    changes: { ...NO_CHANGES, route: { kind: 'model' as const, ...api } },
    inputWeight: (name: string, at: Date) => book.pool(name, at)?.inputWeight ?? null,
  };
  let tokens = 0n;
  let apiCost = 0n;
  let poolWeight = 0n;
  let onPool = 0n;
  for (const e of calls) {
    const t = BigInt(e.inputTokens + e.outputTokens);
    tokens += t;
    // A call already on that API keeps its observed cost (a reported one included).
    apiCost += priceEvent(transformEvent(e, ctx), book).base;
    poolWeight += poolTokenWeight(e, pool.inputWeight);
    if (e.pool === pool.name) onPool += t;
    const hour = Math.floor((e.timestamp.getTime() - start.getTime()) / 3_600_000);
    hourly[hour] = hourly[hour]! + t;
  }
  return { tokens, apiCost, poolWeight, onPool, hourly, periodMs: BigInt(end.getTime() - start.getTime()) };
}

/** The class's generation and tool calls of the period; a 400 when there are none. */
export async function classCalls(db: Database, p: Period, workloadClass: string): Promise<CutEvent[]> {
  const calls: CutEvent[] = [];
  for await (const chunk of periodCalls(db, p, workloadClass)) for (const e of chunk) if (modelsCall(e)) calls.push(e);
  if (calls.length > 0) return calls;
  if ((await getClassesBetween(db, p)).length === 0) {
    throw new InvalidQueryError(`from: no telemetry from ${p.from} to ${p.to}; pick a period with calls`);
  }
  throw new InvalidQueryError(
    `workload_class: no generation or tool calls of ${workloadClass} from ${p.from} to ${p.to}`,
  );
}

export interface BreakEvenAsk {
  workloadClass: string;
  pool: string;
  api: { provider: string; model: string } | null;
  fixedOpsUsdPerMonth: string;
  tokensPerGpuHour: string | null;
}

/** The break-even of calls already loaded, against one pool. */
export async function breakEvenOf(
  db: Database,
  book: PriceBook,
  p: Period,
  calls: readonly CutEvent[],
  q: BreakEvenAsk,
): Promise<BreakEvenBody> {
  const pool = poolInForce(book, q.pool, p, 'pool', InvalidQueryError);
  const api = q.api ?? mostUsedApi(calls);
  if (!api) {
    throw new InvalidQueryError(
      `model: ${q.workloadClass} made no managed-API calls from ${p.from} to ${p.to}; name the API to compare with (provider and model)`,
    );
  }
  priceInForce(book, api.provider, api.model, p, 'model', InvalidQueryError);
  const throughput = await poolThroughput(db, pool, p, q.tokensPerGpuHour);
  if (!throughput) {
    throw new InvalidQueryError(
      `tokens_per_gpu_hour: pool ${pool.name} reported no GPU time from ${p.from} to ${p.to}, so its throughput cannot be measured; state it`,
    );
  }
  const sums = sumCalls(calls, p, pool, api, book);
  return breakEvenAnswer(
    {
      tokens: sums.tokens,
      apiCost: sums.apiCost,
      poolWeight: sums.poolWeight,
      periodMs: sums.periodMs,
      pool: { usdPerGpuHour: pool.usdPerGpuHour, provisionedNanoHoursPerDay: provisionedNanoHours(pool) },
      throughput,
      fixedOpsPerMonth: parseDecimal(q.fixedOpsUsdPerMonth, PICO_DIGITS),
    },
    sums.hourly,
    {
      workloadClass: q.workloadClass,
      pool: pool.name,
      api,
      from: p.from,
      to: p.to,
      current: 2n * sums.onPool >= sums.tokens ? 'pool' : 'api',
    },
  );
}

/** `GET /api/v1/break-even`: the class's API against a dedicated pool, and the hybrid between them. */
export async function runBreakEven(db: Database, q: BreakEvenQuery): Promise<BreakEvenBody> {
  const [book, settings] = await Promise.all([getPriceBook(db), getSettings(db)]);
  const p = await decisionPeriod(db, q.range, settings.reporting_time_zone);
  return breakEvenOf(db, book, p, await classCalls(db, p, q.workloadClass), q);
}
