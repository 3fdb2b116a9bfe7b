/**
 * The projected sums behind a metrics row: the observed sums moved by the ledger's differences,
 * with allocated cost replaced by the re-allocation. `deriveMetricsRow` then turns both into rows
 * with the very arithmetic `GET /api/v1/metrics` uses.
 */
import type { MetricSums } from '../metrics/derive';
import { formatUnits, parseDecimal, picoToUsd, PICO_DIGITS, usdToPico } from '../money';
import type { SumsDelta } from './ledger';
import type { AllocationTotals } from './project';

const count = (text: string, delta: number) => String(BigInt(text) + BigInt(delta));
const money = (text: string, delta: bigint) => picoToUsd(usdToPico(text) + delta, PICO_DIGITS);
const nano = (text: string, delta: bigint) => formatUnits(parseDecimal(text, 9) + delta, 9, 9);
const usd = (pico: bigint) => picoToUsd(pico, PICO_DIGITS);

/** `allocated`: the slice's projected allocations (absolute, not differences). */
export function projectSums(
  observed: MetricSums,
  d: SumsDelta,
  allocated: Pick<AllocationTotals, 'l2' | 'idle' | 'l4' | 'l5'>,
): MetricSums {
  return {
    ...observed,
    unpriced: count(observed.unpriced, d.unpriced),
    retries: count(observed.retries, d.retries),
    inputTokens: count(observed.inputTokens, d.inputTokens),
    cachedTokens: count(observed.cachedTokens, d.cachedTokens),
    outputTokens: count(observed.outputTokens, d.outputTokens),
    gpuHours: nano(observed.gpuHours, d.gpuNanoHours),
    baseUsd: money(observed.baseUsd, d.base),
    l1Usd: money(observed.l1Usd, d.l1),
    l2Usd: money(observed.l2Usd, d.l2),
    l3Usd: money(observed.l3Usd, d.l3),
    l4Usd: money(observed.l4Usd, d.l4),
    acceptedWorkflows: count(observed.acceptedWorkflows, d.acceptedWorkflows),
    rejectedWorkflows: count(observed.rejectedWorkflows, d.rejectedWorkflows),
    usefulOutputTokens: nano(observed.usefulOutputTokens, d.usefulNano),
    allocL2Usd: usd(allocated.l2),
    idleUsd: usd(allocated.idle),
    allocL4Usd: usd(allocated.l4),
    allocL5Usd: usd(allocated.l5),
  };
}
