/**
 * Latency and TTFT distributions as fixed log-bucket histograms: bucket 0 holds values under
 * 1 ms, bucket i >= 1 holds [GROWTH^(i-1), GROWTH^i) ms. Histograms of any rows merge by adding
 * counts, and a percentile read from one is within GROWTH^0.5 - 1 (about 4.9%) of the true value.
 */
const GROWTH = 1.1;
const MAX_BUCKET = 160; // 1.1^160 ms is about 4 days: anything slower is clamped
export const RELATIVE_ERROR = Math.sqrt(GROWTH) - 1;
const LOG_GROWTH = Math.log(GROWTH);

export function bucketOf(ms: number): number {
  if (!(ms >= 1)) return 0;
  return Math.min(MAX_BUCKET, 1 + Math.floor(Math.log(ms) / LOG_GROWTH));
}

/** The geometric middle of a bucket: the value a percentile in that bucket is reported as. */
function bucketValue(bucket: number): number {
  if (bucket <= 0) return 0.5;
  return Math.pow(GROWTH, bucket - 0.5);
}

/**
 * Digits per bucket when a histogram is packed into one decimal number, the sum of count_i x
 * 10^(12 i): adding packed numbers (exact SQL numeric) adds every bucket at once, as long as no
 * bucket of the sum reaches 10^12. A bucket counts each request at most once, so a sum over fewer
 * than 10^12 requests cannot carry from one bucket into the next.
 */
export const PACKED_BUCKET_DIGITS = 12;

/** A packed histogram's digits (a whole number's decimal text) back to counts, trailing zeros dropped. */
export function unpackHistogram(packed: string | null): number[] {
  const counts: number[] = [];
  // Digit by digit rather than Number() of each slice: a slice per bucket was most of the cost.
  for (let end = packed?.length ?? 0; end > 0; end -= PACKED_BUCKET_DIGITS) {
    let count = 0;
    for (let i = Math.max(0, end - PACKED_BUCKET_DIGITS); i < end; i++) count = count * 10 + packed!.charCodeAt(i) - 48;
    counts.push(count);
  }
  while (counts.length > 0 && counts[counts.length - 1] === 0) counts.pop();
  return counts;
}

export function addToHistogram(hist: number[], ms: number): void {
  const b = bucketOf(ms);
  while (hist.length <= b) hist.push(0);
  hist[b]! += 1;
}

export function mergeHistograms(into: number[], from: readonly number[]): number[] {
  while (into.length < from.length) into.push(0);
  from.forEach((c, i) => (into[i]! += c));
  return into;
}

/** The q-quantile (0 < q <= 1) by nearest rank, or null for an empty histogram. */
export function percentile(hist: readonly number[], q: number): number | null {
  const total = hist.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i]!;
    if (seen >= rank) return bucketValue(i);
  }
  return bucketValue(hist.length - 1);
}
