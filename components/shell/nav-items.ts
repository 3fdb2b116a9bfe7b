import type { IconName } from './nav-icons';

export interface NavItem {
  href: string;
  label: string;
  icon: IconName;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Overview', icon: 'overview' },
  { href: '/workloads', label: 'Workloads', icon: 'workloads' },
  { href: '/teams', label: 'Teams', icon: 'teams' },
  { href: '/weekly', label: 'Weekly review', icon: 'weekly' },
  { href: '/decisions', label: 'Decisions', icon: 'decisions' },
  { href: '/settings', label: 'Settings', icon: 'settings' },
];

/** The overview owns "/" only; other sections also own their sub-pages. */
export function isActive(item: NavItem, pathname: string): boolean {
  return item.href === '/' ? pathname === '/' : pathname === item.href || pathname.startsWith(`${item.href}/`);
}
