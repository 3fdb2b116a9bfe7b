import type { z } from 'zod';
import { toFieldErrors } from '@/ingest/native/field-errors';
import { ApiError } from '@/lib/errors';

/** What a Settings action answers: its data, or what was wrong (per field when a field was). */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fields: Record<string, string> };

/** Validates an action's input with the config API's own schema; failures name each field. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | { ok: false; result: ActionResult<never> } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = toFieldErrors(parsed.error.issues, 'form');
  const fields = Object.fromEntries(errors.map((e) => [e.path, e.message]));
  return {
    ok: false,
    result: { ok: false, error: errors.map((e) => `${e.path}: ${e.message}`).join('; '), fields },
  };
}

/** Runs an action's work; a domain error (not found, conflict...) is answered, anything else logged. */
export async function attempt<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.message, fields: {} };
    console.error('cut: a settings action failed:', err);
    return { ok: false, error: 'The change could not be saved; the server log says why.', fields: {} };
  }
}
