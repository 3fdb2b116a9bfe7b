'use client';

import { useSyncExternalStore } from 'react';
import { THEME_EVENT, THEME_KEY } from './theme';

function subscribe(onChange: () => void) {
  const media = matchMedia('(prefers-color-scheme: dark)');
  const onSystem = () => {
    if (!localStorage.getItem(THEME_KEY)) document.documentElement.classList.toggle('dark', media.matches);
    onChange();
  };
  media.addEventListener('change', onSystem);
  window.addEventListener(THEME_EVENT, onChange);
  return () => {
    media.removeEventListener('change', onSystem);
    window.removeEventListener(THEME_EVENT, onChange);
  };
}

const isDark = () => document.documentElement.classList.contains('dark');

/** Switches between the light and dark themes and remembers the choice in this browser. */
export function ThemeToggle() {
  // null on the server: the theme is only known in the browser, so the button renders neutral first.
  const dark = useSyncExternalStore(subscribe, isDark, () => null);
  const toggle = () => {
    const next = !isDark();
    document.documentElement.classList.toggle('dark', next);
    localStorage.setItem(THEME_KEY, next ? 'dark' : 'light');
    window.dispatchEvent(new Event(THEME_EVENT));
  };
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={dark ?? undefined}
      className="flex items-center gap-3 rounded-tremor-small px-3 py-2 text-tremor-default font-medium text-tremor-content-emphasis hover:bg-tremor-background-subtle hover:text-tremor-content-strong"
    >
      <svg
        viewBox="0 0 20 20"
        className="size-5 shrink-0 text-tremor-content-subtle"
        aria-hidden="true"
        focusable="false"
      >
        <path
          d="M16.5 12.2A6.5 6.5 0 0 1 7.8 3.5a6.5 6.5 0 1 0 8.7 8.7Z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinejoin="round"
        />
      </svg>
      Dark theme
    </button>
  );
}
