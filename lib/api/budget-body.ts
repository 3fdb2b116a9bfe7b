import { z } from 'zod';
import { decimalAmount } from './config-fields';
import { month } from './chargeback-query';

/** `PUT /api/v1/budgets/{team}`: a positive monthly amount, from a month (default: the current one). */
export const BudgetBody = z.strictObject({
  monthly_usd: decimalAmount({ positive: true }),
  from_month: month.optional(),
});

/** A webhook endpoint: an absolute http(s) URL, and optionally a secret to sign bodies with. */
export const WebhookBody = z.strictObject({
  url: z
    .string({ error: 'is required: an http:// or https:// URL' })
    .max(2000, 'must be at most 2000 characters')
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'must be an absolute http:// or https:// URL'),
  secret: z
    .string({ error: 'must be a string' })
    .min(16, 'must be at least 16 characters')
    .max(200, 'must be at most 200 characters')
    .nullable()
    .optional(),
});
