import { slug } from '@/ingest/native/rules';
import { InvalidQueryError } from '@/lib/errors';

/** The last path segment, decoded: route handlers here read their one parameter from the URL. */
function lastSegment(request: Request): string {
  const raw = new URL(request.url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** A numeric id from the path; 400 naming it when it is not a positive integer. */
export function idFromPath(request: Request): number {
  const raw = lastSegment(request);
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new InvalidQueryError(`id: must be a positive integer, got ${raw}`);
  return id;
}

/** A slug from the path (a pool name); 400 naming the rule when it is not one. */
export function slugFromPath(request: Request, field: string): string {
  const raw = lastSegment(request);
  const result = slug.safeParse(raw);
  if (!result.success) throw new InvalidQueryError(`${field}: ${result.error.issues[0]?.message ?? 'is invalid'}`);
  return result.data;
}
