import type { Database } from '../db/client';
import type { PriceBook } from '../lib/costing/pricebook';
import type { WhatIfQuery } from '../lib/api/what-if-wire';
import type { RouteChange, WhatIfChanges } from '../lib/decisions/changes';
import { InvalidBodyError, InvalidQueryError } from '../lib/errors';
import { periodBounds, type Period } from './period';
import { poolThroughput } from './throughput';

const list = (names: string[]) => (names.length ? names.join(', ') : 'none yet');
/** A 400 about the body (what-if) or the query (break-even): the same rule, named where it was broken. */
type Reject = typeof InvalidBodyError | typeof InvalidQueryError;

/** A pool the book knows and has in force for the whole period, or a 400 naming `field`. */
export function poolInForce(book: PriceBook, name: string, p: Period, field: string, Err: Reject = InvalidBodyError) {
  const { start, end } = periodBounds(p);
  const pool = book.pool(name, start);
  if (pool) return pool;
  if (book.pool(name, end)) throw new Err(`${field}: pool ${name} starts after ${p.from}`);
  throw new Err(`${field}: no pool named ${JSON.stringify(name)}; pools: ${list(book.poolNames())}`);
}

/** A managed model with a price in force from the start of the period, or a 400 naming `field`. */
export function priceInForce(
  book: PriceBook,
  provider: string,
  model: string,
  p: Period,
  field: string,
  Err: Reject = InvalidBodyError,
) {
  const price = book.modelPrice(provider, model, periodBounds(p).start);
  if (!price) {
    throw new Err(`${field}: no price for ${provider}/${model} in force on ${p.from}; add one with PUT /api/v1/prices`);
  }
  return price;
}

/** The asked changes checked against the price book, with a pool's throughput measured or stated. */
export async function resolveChanges(
  db: Database,
  book: PriceBook,
  asked: WhatIfQuery['changes'],
  p: Period,
): Promise<WhatIfChanges> {
  for (const name of Object.keys(asked.poolGpuCounts)) poolInForce(book, name, p, `changes.pool_gpu_counts.${name}`);
  const r = asked.route;
  let route: RouteChange | null = null;
  if (r?.kind === 'model') {
    priceInForce(book, r.provider, r.model, p, 'changes.model');
    route = r;
  } else if (r?.kind === 'pool') {
    const pool = poolInForce(book, r.pool, p, 'changes.pool.name');
    const throughput = await poolThroughput(db, pool, p, r.tokensPerGpuHour);
    if (!throughput) {
      throw new InvalidBodyError(
        `changes.pool.tokens_per_gpu_hour: pool ${r.pool} reported no GPU time from ${p.from} to ${p.to}, so its throughput cannot be measured; state it`,
      );
    }
    route = { kind: 'pool', pool: r.pool, throughput };
  }
  return { ...asked, route };
}
