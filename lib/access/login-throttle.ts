/**
 * Slows password guessing against one account from anywhere: after `freeFailures` failed
 * sign-ins in a row, each further attempt waits twice as long as the last (capped), until a
 * success or a quiet `forgetAfterMs`. Per-address limits (Better Auth's) do not stop an attacker
 * who spreads guesses over many addresses; this does. Pure apart from the clock passed in.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; last: number }>();

  constructor(
    private readonly freeFailures = 5,
    private readonly maxWaitMs = 15 * 60_000,
    private readonly forgetAfterMs = 60 * 60_000,
  ) {}

  /** Whole seconds to wait before this account may try again; 0 when it may try now. */
  wait(account: string, now: number): number {
    const entry = this.entry(account, now);
    if (!entry || entry.count < this.freeFailures) return 0;
    const delay = Math.min(this.maxWaitMs, 1000 * 2 ** (entry.count - this.freeFailures));
    const left = entry.last + delay - now;
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  failed(account: string, now: number): void {
    const entry = this.entry(account, now);
    if (this.failures.size > 100_000) this.failures.clear();
    this.failures.set(account, { count: (entry?.count ?? 0) + 1, last: now });
  }

  succeeded(account: string): void {
    this.failures.delete(account);
  }

  private entry(account: string, now: number) {
    const entry = this.failures.get(account);
    if (entry && now - entry.last > this.forgetAfterMs) {
      this.failures.delete(account);
      return undefined;
    }
    return entry;
  }
}
