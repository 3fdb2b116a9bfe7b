import type { Permission } from './roles';

/** Pages anyone may open, signed in or not. */
const PUBLIC_PAGES: readonly string[] = ['/login', '/forbidden'];

/** Pages any signed-in person may open whatever their role. */
const ANY_SIGNED_IN: readonly string[] = ['/account'];

/**
 * What each section of the dashboard needs, by path prefix (the longest match wins). A page not
 * listed shows figures, so it needs figures:read: a new page is never open to everyone by mistake.
 */
const SECTIONS: Record<string, Permission> = {
  '/settings': 'settings:read',
  '/settings/users': 'users:manage',
  // what-if and break-even re-price a class over every team's calls
  '/decisions': 'figures:all',
};

const under = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

export const isPublicPage = (pathname: string): boolean => PUBLIC_PAGES.some((p) => under(pathname, p));

/** The permission a page needs; null when being signed in is enough. */
export function pagePermission(pathname: string): Permission | null {
  if (ANY_SIGNED_IN.some((p) => under(pathname, p))) return null;
  const prefix = Object.keys(SECTIONS)
    .filter((p) => under(pathname, p))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? SECTIONS[prefix]! : 'figures:read';
}

/**
 * The teams a page's URL names: its `team` filter (a comma list) and /teams/{team}. The proxy
 * answers 403 before rendering when a team_viewer names another team; the page checks again.
 */
export function pageTeams(pathname: string, search: URLSearchParams): string[] {
  const teams = (search.get('team') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const drill = /^\/teams\/([^/]+)\/?$/.exec(pathname);
  if (drill) teams.push(decodeURIComponent(drill[1]!));
  return teams;
}
