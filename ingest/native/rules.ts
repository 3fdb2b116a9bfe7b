import { z } from 'zod';

/** Field rules shared by events and outcomes, each with the message a sender sees. */
export const MAX_INT = 2_147_483_647;
export const SLUG = /^[a-z0-9][a-z0-9_-]{0,62}$/;
export const RFC3339 =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const FUTURE_SLACK_MS = 24 * 3600 * 1000;
const OLDEST = Date.UTC(2000, 0, 1);

/** The regex bounds every field but the day of the month; JavaScript rolls 2026-02-30 into March. */
function realDay(s: string): boolean {
  const day = Number(s.slice(8, 10));
  return day <= 28 || day <= new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)), 0)).getUTCDate();
}

/** PostgreSQL text and jsonb cannot hold NUL, so it is refused here rather than failing the batch. */
export const noNul = (s: string) => !s.includes('\u0000');
export const NUL_MESSAGE = 'must not contain NUL (\\u0000) characters';

export const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(noNul, NUL_MESSAGE);
export const slug = z
  .string({ error: 'must be a string' })
  .regex(
    SLUG,
    'must be a slug: lowercase letters, digits, _ or -, starting with a letter or digit, at most 63 characters',
  );
export const count = z
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(0, 'must be >= 0')
  .max(MAX_INT, `must be <= ${MAX_INT}`);
/** A non-negative measure with a ceiling far above any real value, so sums never overflow storage. */
export const nonNegative = (max: number) =>
  z
    .number({ error: 'must be a number' })
    .min(0, 'must be >= 0')
    .max(max, `must be <= ${max.toLocaleString('en-US')}`);

/**
 * The instant a timestamp that matched RFC3339 names, or the message its sender sees. Shared by
 * the zod schema and the ingest fast path, so both accept exactly the same instants.
 */
export function instantOf(s: string): Date | string {
  const at = new Date(s);
  if (Number.isNaN(at.getTime()) || !realDay(s)) return 'is not a real date and time';
  if (at.getTime() > Date.now() + FUTURE_SLACK_MS) return 'must not be more than 24 hours in the future';
  if (at.getTime() < OLDEST) return 'must not be before 2000-01-01';
  return at;
}

export const timestampSchema = z
  .string({ error: 'must be an RFC 3339 timestamp string' })
  .regex(
    RFC3339,
    'must be an RFC 3339 timestamp with an offset, e.g. 2026-05-04T10:00:00Z or 2026-05-04T12:00:00+02:00',
  )
  .transform((s, ctx) => {
    const at = instantOf(s);
    if (typeof at === 'string') {
      ctx.addIssue({ code: 'custom', message: at });
      return z.NEVER;
    }
    return at;
  });
