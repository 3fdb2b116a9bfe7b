import { divRound, picoToUsd, usdToPico } from '../money';

export interface OverviewSummaryInput {
  requests: number;
  tco_usd: string;
  unpriced: number;
}

export interface OverviewSummary {
  /** decimal USD, 6 decimals like the API */
  totalUsd: string;
  requests: number;
  /** decimal USD at full pico precision (a request often costs well under a micro-dollar's
   * rounding step); null when there were no requests, since a rate over nothing is not zero */
  costPerRequestUsd: string | null;
  unpriced: number;
}

/** Totals for the tiles; money is summed in pico-dollars so no float ever touches a sum. */
export function summarizeOverview(rows: readonly OverviewSummaryInput[]): OverviewSummary {
  let pico = 0n;
  let requests = 0;
  let unpriced = 0;
  for (const row of rows) {
    pico += usdToPico(row.tco_usd);
    requests += row.requests;
    unpriced += row.unpriced;
  }
  return {
    totalUsd: picoToUsd(pico, 6),
    requests,
    costPerRequestUsd: requests > 0 ? picoToUsd(divRound(pico, BigInt(requests)), 12) : null,
    unpriced,
  };
}
