/**
 * Latency and TTFT distributions as fixed log-bucket histograms: bucket 0 holds values under
 * 1 ms, bucket i >= 1 holds [GROWTH^(i-1), GROWTH^i) ms. Histograms of any rows merge by adding
 * counts, and a percentile read from one is within GROWTH^0.5 - 1 (about 4.9%) of the true value.
 */
const GROWTH = 1.1;
const MAX_BUCKET = 160; // 1.1^160 ms is about 4 days: anything slower is clamped
/** How many buckets a histogram can have: readers that merge position by position need the bound. */
export const HISTOGRAM_BUCKETS = MAX_BUCKET + 1;
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
