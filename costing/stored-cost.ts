import type { RepricedRow } from '../db/writes/repricing';
import type { DirectCost } from '../lib/costing/direct';
import { picoToUsd, PICO_DIGITS } from '../lib/money';

/** numeric(24, 12) prints zero this way; most of an event's seven figures are zero. */
const ZERO = picoToUsd(0n, PICO_DIGITS);
const usd = (pico: bigint) => (pico === 0n ? ZERO : picoToUsd(pico, PICO_DIGITS));

/** A direct cost as the events table stores it (`RepricedRow` order). */
export function storedValues(cost: DirectCost): RepricedRow['values'] {
  return [usd(cost.base), cost.source, usd(cost.pricebook), usd(cost.l1), usd(cost.l2), usd(cost.l3), usd(cost.l4)];
}

/** Whether `cost` is what is stored, compared figure by figure, stopping at the first that differs. */
export function sameAsStored(cost: DirectCost, stored: readonly string[]): boolean {
  return (
    cost.source === stored[1] &&
    usd(cost.base) === stored[0] &&
    usd(cost.pricebook) === stored[2] &&
    usd(cost.l1) === stored[3] &&
    usd(cost.l2) === stored[4] &&
    usd(cost.l3) === stored[5] &&
    usd(cost.l4) === stored[6]
  );
}
