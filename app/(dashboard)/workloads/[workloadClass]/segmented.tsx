'use client';

/** A small group of mutually exclusive buttons (aria-pressed), for a view switch inside a card. */
export function Segmented<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className="inline-flex rounded-tremor-small border border-tremor-border-default print:hidden"
    >
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
          className="px-2.5 py-1 text-tremor-label font-medium text-tremor-content-emphasis first:rounded-l-tremor-small last:rounded-r-tremor-small hover:bg-tremor-background-subtle aria-pressed:bg-tremor-brand-faint aria-pressed:text-tremor-brand-emphasis"
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
