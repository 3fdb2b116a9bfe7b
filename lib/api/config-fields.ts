import { z } from 'zod';
import { isIsoDay } from '../dates/days';
import { parseDecimal } from '../money';

/**
 * Field rules for price-book and settings bodies. Money and rates arrive as decimal strings or
 * JSON numbers and leave as exact decimal strings (6 decimals at most, as the numeric columns
 * hold them), so no binary float ever reaches a sum.
 */
export const RATE_DECIMALS = 6;
/** numeric(18, 6) leaves 12 digits before the point. */
const MAX_WHOLE_DIGITS = 12;
const SIGNED_DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;
const OLDEST = Date.UTC(2000, 0, 1);
const NEWEST = Date.UTC(2100, 0, 1);
const RFC3339 =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A JSON number as the shortest decimal that reads back as it: 1e-7 -> "0.0000001", 2.5 -> "2.5". */
export function numberToPlainDecimal(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, whole, frac = '', exp] = m;
  const digits = whole! + frac;
  const point = whole!.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export interface DecimalRule {
  /** refuse 0 as well as negatives */
  positive?: boolean;
  /** inclusive upper bound, as a decimal string */
  max?: string;
}

const DECIMAL_TYPE = 'must be a decimal number: a string such as "2.50" or a JSON number';

/** A decimal amount >= 0 with at most 6 decimals, given as a string or a number; yields the string. */
export function decimalAmount(rule: DecimalRule = {}) {
  const maxMicros = rule.max === undefined ? undefined : parseDecimal(rule.max, RATE_DECIMALS);
  return z
    .union([z.string(), z.number()], {
      error: (issue) => (issue.input === undefined ? 'is required' : DECIMAL_TYPE),
    })
    .transform((value, ctx) => {
      const fail = (message: string) => {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      };
      if (typeof value === 'number' && !Number.isFinite(value)) return fail(DECIMAL_TYPE);
      const text = typeof value === 'number' ? numberToPlainDecimal(value) : value;
      const m = SIGNED_DECIMAL.exec(text);
      if (!m) return fail(DECIMAL_TYPE);
      const [, sign, whole, frac = ''] = m;
      if (sign && /[1-9]/.test(text)) return fail('must be >= 0');
      if (frac.length > RATE_DECIMALS) return fail(`must have at most ${RATE_DECIMALS} decimals`);
      if (whole!.replace(/^0+(?=\d)/, '').length > MAX_WHOLE_DIGITS) {
        return fail(`must be less than 10^${MAX_WHOLE_DIGITS}`);
      }
      const micros = parseDecimal(text, RATE_DECIMALS);
      if (rule.positive && micros === 0n) return fail('must be > 0');
      if (maxMicros !== undefined && micros > maxMicros) return fail(`must be <= ${rule.max}`);
      return sign ? text.slice(1) : text;
    });
}

/** The calendar day is checked too: a regex alone lets 2026-02-30 through, which JavaScript rolls into March. */
function realDay(s: string): boolean {
  return isIsoDay(s.slice(0, 10));
}

const EFFECTIVE_FROM =
  'must be a date YYYY-MM-DD (midnight UTC) or an RFC 3339 timestamp with an offset, e.g. 2026-05-04T10:00:00Z';

/**
 * When a price version starts: a day (midnight UTC) or an instant. Future instants are allowed,
 * so a change announced ahead can be entered ahead.
 */
export const effectiveFrom = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : EFFECTIVE_FROM) })
  .transform((s, ctx) => {
    const isDay = isIsoDay(s);
    if (!isDay && !(RFC3339.test(s) && realDay(s))) {
      ctx.addIssue({ code: 'custom', message: EFFECTIVE_FROM });
      return z.NEVER;
    }
    const at = new Date(isDay ? `${s}T00:00:00Z` : s);
    if (at.getTime() < OLDEST || at.getTime() >= NEWEST) {
      ctx.addIssue({ code: 'custom', message: 'must be on or after 2000-01-01 and before 2100-01-01' });
      return z.NEVER;
    }
    return at;
  });

/** A calendar day YYYY-MM-DD, for fixed costs (whose months are calendar months). */
export const calendarDay = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a date YYYY-MM-DD') })
  .refine(isIsoDay, 'must be a date YYYY-MM-DD')
  .refine((d) => d >= '2000-01-01' && d < '2100-01-01', 'must be on or after 2000-01-01 and before 2100-01-01');

/** An enum whose error lists the allowed values, for a person reading the 400. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined ? 'is required' : `must be one of ${values.join(', ')}`),
  });
