/** The product mark; the same drawing as app/icon.svg, the favicon. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1d4ed8" />
      <path d="M9 23V13M16 23V9M23 23v-6" stroke="#fff" strokeWidth="3.5" strokeLinecap="round" />
    </svg>
  );
}
