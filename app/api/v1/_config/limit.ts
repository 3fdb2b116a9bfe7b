import { z } from 'zod';

/** A `?limit=` query parameter: a whole number from 1 to `max`, `fallback` when absent. */
export function limitParam(fallback: number, max: number) {
  const message = `must be a whole number from 1 to ${max}`;
  return z
    .string()
    .regex(/^\d{1,7}$/, message)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, message)
    .optional()
    .transform((n) => n ?? fallback);
}
