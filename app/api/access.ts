import { sessionUser } from '@/auth/session';
import { can, keyPrincipal, type Principal } from '@/lib/access/principal';
import type { Permission } from '@/lib/access/roles';
import { mayMutateWithCookie } from '@/lib/access/same-origin';
import { scopeTeams } from '@/lib/access/teams';
import { ForbiddenError, UnauthorizedError } from '@/lib/errors';
import { bearerSecret, keyCaller } from './auth';
import { database } from './handler';

export { scopeTeams };

const SIGN_IN = 'sign in, or send Authorization: Bearer <token>';

/**
 * The one gate for route handlers: who is calling (a bearer key or token, else the session
 * cookie) and whether they hold `permission` (lib/access/roles.ts). 401 without a credential,
 * 403 without the permission or for a cross-site change riding on a cookie. Use the returned
 * principal's `teams` (scopeTeams) to limit what the handler reads, and its `actor` to audit.
 */
export async function requireAccess(request: Request, permission: Permission): Promise<Principal> {
  const db = await database();
  const secret = bearerSecret(request);
  let principal: Principal;
  if (secret !== null) {
    const caller = await keyCaller(db, secret);
    if (!caller) throw new UnauthorizedError('unknown or revoked key');
    principal = keyPrincipal({ ...caller, id: caller.keyId });
  } else {
    const user = await sessionUser(db, request.headers);
    if (!user) throw new UnauthorizedError(`not signed in: ${SIGN_IN}`);
    if (
      !mayMutateWithCookie(request.method, request.headers, request.headers.get('host') ?? new URL(request.url).host)
    ) {
      throw new ForbiddenError('cross-site request refused: changes must come from CUT itself');
    }
    if (user.mustChangePassword)
      throw new ForbiddenError('choose a new password first (your first password was generated)');
    principal = user.principal;
  }
  if (!can(principal, permission)) throw new ForbiddenError(refusal(principal, permission));
  return principal;
}

function refusal(principal: Principal, permission: Permission): string {
  if (principal.permissions.has('ingest')) return 'an ingest key can only send telemetry';
  if (permission === 'ingest') return 'this call needs an ingest key';
  const who = principal.role ? `the ${principal.role} role` : principal.kind === 'key' ? 'this key' : 'your account';
  return `${who} does not allow this (it needs ${permission})`;
}
