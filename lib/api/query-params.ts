import { z } from 'zod';
import { isIsoDay } from '../dates/days';

const DAY_RULE = 'must be a date YYYY-MM-DD';

/** A reporting day in a query string or body. */
export const queryDay = z.string({ error: DAY_RULE }).refine(isIsoDay, { error: DAY_RULE });

/** The error of a strict query object: which parameters are unknown, and the ones it takes. */
export const unknownParameters = (params: readonly string[]) => (issue: z.core.$ZodRawIssue) =>
  issue.code === 'unrecognized_keys'
    ? `unknown parameter ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; use ${params.join(', ')}`
    : undefined;

/**
 * An optional period (`from` and `to`, both or neither: the decisions' default is the last 30
 * days with data), in order.
 */
export const optionalPeriod = <T extends { from?: string; to?: string }>(schema: z.ZodType<T>) =>
  schema
    .refine((q) => (q.from === undefined) === (q.to === undefined), {
      path: ['to'],
      error: 'give from and to together, or neither for the last 30 days with data',
    })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'must be on or after from' });
