import { z } from 'zod';
import { isMonth } from '../chargeback/month';

const FORMATS = ['json', 'csv', 'focus', 'focus_manifest'] as const;
const MONTH_RULE = 'must be a month YYYY-MM, e.g. 2026-10';

export const month = z
  .string({ error: (issue) => (issue.input === undefined ? `is required (${MONTH_RULE})` : MONTH_RULE) })
  .refine(isMonth, MONTH_RULE);

/** `GET /api/v1/chargeback`: a month and an output format; unknown parameters are refused. */
export const chargebackQuery = z.strictObject(
  {
    month,
    format: z.enum(FORMATS, { error: `must be one of ${FORMATS.join(', ')}` }).default('json'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown parameter ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; use month, format`
        : undefined,
  },
);

/** `GET /api/v1/chargeback/teams/{team}`: a month. */
export const teamQuery = z.strictObject(
  { month },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown parameter ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; use month`
        : undefined,
  },
);
