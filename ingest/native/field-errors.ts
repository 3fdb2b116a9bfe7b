import type { z } from 'zod';

/** One broken rule, named by the field's path ("attributes.user", "output_tokens"). */
export interface FieldError {
  path: string;
  message: string;
}

/** zod issues as the API reports them: an unknown field is named as its own path. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], root = 'event'): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        errors.push({ path: base ? `${base}.${key}` : key, message: 'is not a known field' });
    } else {
      errors.push({ path: base || root, message: issue.message });
    }
  }
  return errors;
}
