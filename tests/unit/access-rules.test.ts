import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@/lib/access/csp';
import { LoginThrottle } from '@/lib/access/login-throttle';
import { safeNextPath } from '@/lib/access/next-path';
import { isPublicPage, pagePermission, pageTeams } from '@/lib/access/pages';
import { can, keyPrincipal, userPrincipal } from '@/lib/access/principal';
import { mayMutateWithCookie } from '@/lib/access/same-origin';
import { scopeQuery, scopeTeams } from '@/lib/access/teams';
import { ForbiddenError } from '@/lib/errors';

const user = (role: string | null, teams: string[] = []) => userPrincipal({ id: 'u1', email: 'a@b.c', role, teams });
const key = (kind: 'admin' | 'ingest' | 'read', role: string | null = null, teams: string[] | null = null) =>
  keyPrincipal({ id: 7, kind, name: 'k', team: kind === 'ingest' ? 'support' : null, role, teams });

describe('principals', () => {
  it.each([
    ['admin user changes settings', user('admin'), 'settings:write', true],
    ['finance closes the month', user('finance'), 'finance:write', true],
    ['finance manages no keys', user('finance'), 'keys:manage', false],
    ['ops reads settings', user('ops'), 'settings:read', true],
    ['ops changes none', user('ops'), 'settings:write', false],
    ['team_viewer reads figures', user('team_viewer', ['a']), 'figures:read', true],
    ['team_viewer reads no settings', user('team_viewer', ['a']), 'settings:read', false],
    ['team_viewer reads nothing that mixes every team', user('team_viewer', ['a']), 'figures:all', false],
    ['ops reads what mixes every team', user('ops'), 'figures:all', true],
    ['a finance read token reads what mixes every team', key('read', 'finance'), 'figures:all', true],
    ['a team_viewer read token does not', key('read', 'team_viewer', ['a']), 'figures:all', false],
    ['an unknown role grants nothing', user('superuser'), 'figures:read', false],
    ['no role grants nothing', user(null), 'figures:read', false],
    ['the admin key manages users', key('admin'), 'users:manage', true],
    ['the admin key cannot ingest', key('admin'), 'ingest', false],
    ['an ingest key ingests', key('ingest'), 'ingest', true],
    ['an ingest key reads nothing', key('ingest'), 'figures:read', false],
    ['an admin read token reads settings', key('read', 'admin'), 'settings:read', true],
    ['an admin read token changes nothing', key('read', 'admin'), 'settings:write', false],
    ['a finance read token cannot close the month', key('read', 'finance'), 'finance:write', false],
    ['a read token without a role reads nothing', key('read', null), 'figures:read', false],
  ] as const)('%s', (_, principal, permission, allowed) => {
    expect(can(principal, permission)).toBe(allowed);
  });

  it('teams: all for admin, finance and ops; the granted ones for a team_viewer; the key scope for ingest', () => {
    expect(user('ops').teams).toBe('all');
    expect(user('team_viewer', ['a', 'b']).teams).toEqual(['a', 'b']);
    expect(key('read', 'team_viewer', ['x']).teams).toEqual(['x']);
    expect(key('ingest').teams).toEqual(['support']);
  });

  it('the audit names people by email and keys by id', () => {
    expect(user('ops').actor).toBe('user:a@b.c');
    expect(key('admin').actor).toBe('key:7');
  });
});

describe('scopeTeams', () => {
  it.each([
    ['all teams, none asked: no filter', 'all', undefined, undefined],
    ['all teams, some asked: those', 'all', ['a'], ['a']],
    ['granted a and b, none asked: a and b', ['a', 'b'], undefined, ['a', 'b']],
    ['granted a and b, a asked: a', ['a', 'b'], ['a'], ['a']],
  ] as const)('%s', (_, scope, asked, expected) => {
    expect(scopeTeams(scope, asked)).toEqual(expected);
  });

  it.each([
    ['another team', ['a'], ['b']],
    ['its own and another', ['a'], ['a', 'b']],
    ['anything with no team granted', [], undefined],
  ] as const)('403 for %s', (_, scope, asked) => {
    expect(() => scopeTeams(scope, asked)).toThrow(ForbiddenError);
  });
});

describe('scopeQuery', () => {
  const q = (team?: string[]) => ({ from: 'x', filters: { model: ['m'], ...(team ? { team } : {}) } });
  it.each([
    ['all teams, no team asked: unchanged', 'all', undefined, undefined],
    ['granted a, no team asked: narrowed to a', ['a'], undefined, ['a']],
    ['granted a and b, b asked: b', ['a', 'b'], ['b'], ['b']],
  ] as const)('%s', (_, scope, asked, team) => {
    const scoped = scopeQuery(scope, q(asked ? [...asked] : undefined));
    expect(scoped.filters.team).toEqual(team);
    expect(scoped.filters.model).toEqual(['m']);
  });

  it('another team asked is a 403', () => {
    expect(() => scopeQuery(['a'], q(['b']))).toThrow(ForbiddenError);
  });
});

describe('mayMutateWithCookie (CSRF)', () => {
  const h = (init: Record<string, string>) => new Headers(init);
  it.each([
    ['a GET from anywhere', 'GET', { 'sec-fetch-site': 'cross-site' }, true],
    ['a same-origin PUT', 'PUT', { 'sec-fetch-site': 'same-origin' }, true],
    ['a cross-site POST', 'POST', { 'sec-fetch-site': 'cross-site', origin: 'https://cut.example' }, false],
    ['a same-site POST (a sibling subdomain)', 'POST', { 'sec-fetch-site': 'same-site' }, false],
    ['a typed-in POST (none)', 'POST', { 'sec-fetch-site': 'none' }, false],
    ['an old browser, our Origin', 'DELETE', { origin: 'https://cut.example' }, true],
    ['an old browser, a foreign Origin', 'DELETE', { origin: 'https://evil.example' }, false],
    ['no Origin and no Fetch Metadata', 'PUT', {}, false],
    ['a malformed Origin', 'PUT', { origin: 'null' }, false],
  ] as const)('%s', (_, method, headers, allowed) => {
    expect(mayMutateWithCookie(method, h(headers), 'cut.example')).toBe(allowed);
  });
});

describe('LoginThrottle', () => {
  it('5 failures are free, then the wait doubles: 1 s, 2 s, 4 s; a success clears it', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 5; i++) t.failed('a', 1000);
    expect(t.wait('a', 1000)).toBe(1);
    expect(t.wait('a', 2000)).toBe(0);
    t.failed('a', 2000);
    expect(t.wait('a', 2000)).toBe(2);
    t.failed('a', 4000);
    expect(t.wait('a', 4000)).toBe(4);
    expect(t.wait('b', 4000)).toBe(0);
    t.succeeded('a');
    expect(t.wait('a', 4000)).toBe(0);
  });

  it('the wait is capped at 15 minutes and forgotten after an hour of quiet', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 40; i++) t.failed('a', 0);
    expect(t.wait('a', 0)).toBe(15 * 60);
    expect(t.wait('a', 61 * 60_000)).toBe(0);
  });
});

describe('pages', () => {
  it.each([
    ['/', 'figures:read'],
    ['/workloads', 'figures:read'],
    ['/a-page-added-later', 'figures:read'],
    ['/settings', 'settings:read'],
    ['/settings/prices', 'settings:read'],
    ['/settings/users', 'users:manage'],
    ['/decisions', 'figures:all'],
    ['/settings-archive', 'figures:read'],
    ['/account/password', null],
  ] as const)('%s needs %s', (path, permission) => {
    expect(pagePermission(path)).toBe(permission);
  });

  it.each([
    ['/', '', []],
    ['/', 'team=research', ['research']],
    ['/workloads/customer_support', 'team=a,%20b&class=x', ['a', 'b']],
    ['/teams/legal-ops', 'month=2026-10', ['legal-ops']],
    ['/teams', 'month=2026-10', []],
  ] as const)('%s?%s names the teams %j', (path, search, teams) => {
    expect(pageTeams(path, new URLSearchParams(search))).toEqual(teams);
  });

  it('only sign-in and the 403 page are public', () => {
    expect(['/login', '/forbidden', '/', '/loginx'].map(isPublicPage)).toEqual([true, true, false, false]);
  });

  it.each([
    [undefined, '/'],
    ['/teams?month=2026-05', '/teams?month=2026-05'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/login', '/'],
  ] as const)('after sign-in, %s -> %s', (next, path) => {
    expect(safeNextPath(next)).toBe(path);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only nonced scripts, no framing, and no eval outside development', () => {
    const csp = contentSecurityPolicy('abc', { dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy('abc', { dev: true, https: true })).toMatch(
      /'unsafe-eval'.*upgrade-insecure-requests/,
    );
  });
});
