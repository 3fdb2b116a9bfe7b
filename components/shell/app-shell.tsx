import Link from 'next/link';
import type { ReactNode } from 'react';
import { AccountMenu } from './account-menu';
import { LogoMark } from './logo-mark';
import { SidebarNav } from './sidebar-nav';
import { ThemeToggle } from './theme-toggle';

/** Sidebar on wide screens, a top bar on narrow ones; the skip link lets keyboard users past the nav. */
export function AppShell({
  children,
  account,
  navHrefs,
}: {
  children: ReactNode;
  /** the signed-in person, shown with Sign out */
  account?: { email: string; role: string };
  /** the sections this person may open; all when absent */
  navHrefs?: readonly string[];
}) {
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-tremor-small focus:bg-tremor-background-default focus:px-3 focus:py-2 focus:text-tremor-content-strong focus:shadow-tremor-dropdown"
      >
        Skip to content
      </a>
      {/* The outer column stretches with the page, so the sidebar's colour runs its whole length. */}
      <div className="border-b border-tremor-border-default bg-tremor-background-default md:w-60 md:shrink-0 md:border-b-0 md:border-r print:hidden">
        <header className="px-4 py-3 md:sticky md:top-0 md:flex md:h-screen md:flex-col md:gap-6 md:px-3 md:py-5">
          <Link href="/" className="mb-3 flex items-center gap-2.5 rounded-tremor-small px-2 md:mb-0">
            <LogoMark className="size-8 shrink-0" />
            <span className="leading-tight">
              <span className="block text-tremor-title font-semibold tracking-tight text-tremor-content-strong">
                CUT
              </span>
              <span className="block text-tremor-label text-tremor-content-default">cost per useful token</span>
            </span>
          </Link>
          <SidebarNav hrefs={navHrefs} />
          <div className="mt-2 space-y-2 md:mt-auto">
            {account ? <AccountMenu email={account.email} role={account.role} /> : null}
            <ThemeToggle />
          </div>
        </header>
      </div>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none md:px-8 md:py-8 print:p-0">
        <div className="mx-auto max-w-7xl">{children}</div>
      </main>
    </div>
  );
}
