import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { sessionUser } from '@/auth/session';
import { getDatabase } from '@/db/instance';
import { contentSecurityPolicy } from '@/lib/access/csp';
import { isPublicPage, pagePermission, pageTeams } from '@/lib/access/pages';
import { can } from '@/lib/access/principal';

/** API paths anyone may call: Better Auth's own endpoints (they do their own checks) and health. */
const PUBLIC_API = ['/api/auth/', '/api/health'];
const isApi = (pathname: string) => pathname.startsWith('/api/') || pathname.startsWith('/v1/');

const unauthorized = () =>
  Response.json(
    { error: { code: 'unauthorized', message: 'sign in, or send Authorization: Bearer <token>' } },
    { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } },
  );

/**
 * In front of every request: a nonce-based CSP on every response, a signed-in session for every
 * page (else /login) with the permission its section needs (lib/access/pages.ts), and at least a
 * credential on every API call. Route handlers then decide exactly (app/api/access.ts).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === 'development',
    https: process.env.CUT_PUBLIC_URL?.startsWith('https://') ?? false,
  });
  const withCsp = (response: Response) => {
    response.headers.set('Content-Security-Policy', csp);
    return response;
  };
  const pass = () => {
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    headers.set('Content-Security-Policy', csp);
    return withCsp(NextResponse.next({ request: { headers } }));
  };

  if (isApi(pathname)) {
    if (PUBLIC_API.some((p) => pathname === p || pathname.startsWith(p))) return pass();
    const credential = request.headers.has('authorization') || getSessionCookie(request, { cookiePrefix: 'cut' });
    return credential ? pass() : withCsp(unauthorized());
  }
  if (isPublicPage(pathname)) return pass();

  const user = await sessionUser(await getDatabase(), request.headers);
  if (!user) {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('next', `${pathname}${search}`);
    return withCsp(NextResponse.redirect(login));
  }
  if (user.mustChangePassword && pathname !== '/account/password') {
    return withCsp(NextResponse.redirect(new URL('/account/password', request.url)));
  }
  const permission = pagePermission(pathname);
  const scope = user.principal.teams;
  const otherTeam =
    scope !== 'all' && pageTeams(pathname, request.nextUrl.searchParams).some((t) => !scope.includes(t));
  if ((permission && !can(user.principal, permission)) || otherTeam) {
    return withCsp(NextResponse.rewrite(new URL('/forbidden', request.url), { status: 403 }));
  }
  return pass();
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|icon.svg|favicon.ico).*)'],
};
