/**
 * When a failed webhook delivery is tried again: 30 s after the first failure, then four times
 * longer each time (2 min, 8 min, 32 min, about 2 h 8 min), and after the sixth failed attempt
 * it is given up and stays in the log as failed.
 */
export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 30_000;

/** The delay before attempt `attempts + 1`, after `attempts` failures; null when no attempt is left. */
export function retryDelayMs(attempts: number, firstRetryMs = FIRST_RETRY_MS): number | null {
  if (attempts < 1) throw new RangeError('attempts counts failures so far: at least 1');
  if (attempts >= MAX_ATTEMPTS) return null;
  return firstRetryMs * 4 ** (attempts - 1);
}
