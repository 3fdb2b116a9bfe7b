'use client';

import { useId } from 'react';

interface FilterOption {
  value: string;
  label: string;
}

export interface FilterSpec {
  key: string;
  label: string;
  options: readonly FilterOption[];
  value: string | null;
}

/**
 * Native selects, one per dimension: labelled, keyboard-operable and readable by every screen
 * reader. "All" clears a filter. The caller keeps the values (in the URL).
 */
export function FilterBar({
  filters,
  onChange,
}: {
  filters: readonly FilterSpec[];
  onChange: (key: string, value: string | null) => void;
}) {
  const id = useId();
  return (
    <div role="group" aria-label="Filters" className="flex flex-wrap items-end gap-3 print:hidden">
      {filters.map((f) => (
        <div key={f.key} className="flex flex-col gap-1">
          <label htmlFor={`${id}-${f.key}`} className="text-tremor-label font-medium text-tremor-content-default">
            {f.label}
          </label>
          <select
            id={`${id}-${f.key}`}
            value={f.value ?? ''}
            onChange={(e) => onChange(f.key, e.target.value || null)}
            className="max-w-48 rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-2 py-1.5 text-tremor-default text-tremor-content-strong shadow-tremor-input"
          >
            <option value="">All</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
            {f.value && !f.options.some((o) => o.value === f.value) ? <option value={f.value}>{f.value}</option> : null}
          </select>
        </div>
      ))}
    </div>
  );
}
