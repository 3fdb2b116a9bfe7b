import type { ReactNode, SVGProps } from 'react';

/** Line icons for the navigation, drawn on a 20-unit grid; decorative, so hidden from screen readers. */
function Icon({ children, ...props }: SVGProps<SVGSVGElement> & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export type IconName = 'overview' | 'workloads' | 'teams' | 'weekly' | 'decisions' | 'settings';

export function NavIcon({ name, className }: { name: IconName; className?: string }) {
  switch (name) {
    case 'overview':
      return (
        <Icon className={className}>
          <path d="M3 17h14M5.5 14V9M10 14V4.5M14.5 14v-3" />
        </Icon>
      );
    case 'workloads':
      return (
        <Icon className={className}>
          <path d="M10 3 3 6.5 10 10l7-3.5L10 3Z" />
          <path d="m3 10 7 3.5 7-3.5M3 13.5 10 17l7-3.5" />
        </Icon>
      );
    case 'teams':
      return (
        <Icon className={className}>
          <circle cx="7.5" cy="7" r="2.5" />
          <circle cx="13.5" cy="8" r="2" />
          <path d="M3 16c.6-2.6 2.3-4 4.5-4s3.9 1.4 4.5 4M12.5 12.2c2.1-.3 3.8.9 4.5 3.3" />
        </Icon>
      );
    case 'weekly':
      return (
        <Icon className={className}>
          <rect x="3" y="4.5" width="14" height="12.5" rx="2" />
          <path d="M3 8.5h14M7 3v3M13 3v3M6.5 12h2M11.5 12h2" />
        </Icon>
      );
    case 'decisions':
      return (
        <Icon className={className}>
          <path d="M10 3v14M10 6.5 4.5 5 3 10.5h5L6.5 5M10 6.5l5.5-1.5 1.5 5.5h-5l1.5-5.5M6.5 17h7" />
        </Icon>
      );
    case 'settings':
      return (
        <Icon className={className}>
          <path d="M4 5.5h5M13 5.5h3M4 10h2M10 10h6M4 14.5h7M15 14.5h1" />
          <circle cx="11" cy="5.5" r="1.8" />
          <circle cx="8" cy="10" r="1.8" />
          <circle cx="13" cy="14.5" r="1.8" />
        </Icon>
      );
  }
}
