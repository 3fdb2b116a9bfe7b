'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { NavIcon } from './nav-icons';
import { isActive, NAV_ITEMS } from './nav-items';

export function SidebarNav({ hrefs }: { hrefs?: readonly string[] }) {
  const pathname = usePathname();
  const items = hrefs ? NAV_ITEMS.filter((item) => hrefs.includes(item.href)) : NAV_ITEMS;
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {items.map((item) => {
          const active = isActive(item, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={
                  'flex items-center gap-3 whitespace-nowrap rounded-tremor-small px-3 py-2 text-tremor-default font-medium transition-colors ' +
                  (active
                    ? 'bg-tremor-brand-faint text-tremor-brand-emphasis'
                    : 'text-tremor-content-emphasis hover:bg-tremor-background-subtle hover:text-tremor-content-strong')
                }
              >
                <NavIcon
                  name={item.icon}
                  className={'size-5 shrink-0 ' + (active ? 'text-tremor-brand-default' : 'text-tremor-content-subtle')}
                />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
