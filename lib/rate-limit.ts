/**
 * A token bucket per key: `perMinute` requests a minute on average, bursts up to a tenth of a
 * minute's worth (at least 10). Pure apart from the clock the caller passes in.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** Takes one token; returns 0 when allowed, else the whole seconds until one is available. */
  take(key: string, perMinute: number, now: number): number {
    const capacity = Math.max(10, Math.ceil(perMinute / 10));
    const perMs = perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perMs);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
  }
}
