/**
 * Prices a call before and after a what-if with the costing engine itself (`priceEvent`), so a
 * projection moves by exactly what the engine would bill for the changed call.
 */
import { priceEvent, type DirectCost } from '../costing/direct';
import type { PriceBook } from '../costing/pricebook';
import type { CutEvent } from '../events/event';
import { divRound, parseDecimal, picoToUsd, PICO_DIGITS } from '../money';

export interface Repriced {
  /** the changed call as priced, its reported cost carried over when it still applies */
  event: CutEvent;
  before: DirectCost;
  after: DirectCost;
}

/**
 * A reported cost stays the truth for a call on the same model: it scales by what the price book
 * says the change is worth (new figure / old figure). A re-routed call has none (transformEvent).
 */
function carryReportedCost(before: CutEvent, after: CutEvent, was: DirectCost, book: PriceBook): CutEvent {
  if (after.reportedCostUsd === null) return after;
  const listed = priceEvent({ ...after, reportedCostUsd: null }, book).pricebook;
  if (was.pricebook === 0n) return { ...after, reportedCostUsd: null };
  const reported = parseDecimal(before.reportedCostUsd ?? '0', PICO_DIGITS);
  return { ...after, reportedCostUsd: picoToUsd(divRound(reported * listed, was.pricebook), PICO_DIGITS) };
}

export function repriceEvent(before: CutEvent, after: CutEvent, book: PriceBook): Repriced {
  const was = priceEvent(before, book);
  const event = carryReportedCost(before, after, was, book);
  return { event, before: was, after: priceEvent(event, book) };
}
