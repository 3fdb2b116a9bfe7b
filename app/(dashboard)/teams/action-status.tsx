import type { ActionStatus } from './use-page-action';

/** The answer to a change: announced politely when it worked, as an alert when it did not. */
export function ActionStatusLine({ status }: { status: ActionStatus | null }) {
  if (!status) return null;
  return status.ok ? (
    <p role="status" className="mt-2 text-tremor-label text-emerald-700 dark:text-emerald-400">
      {status.text}
    </p>
  ) : (
    <p role="alert" className="mt-2 text-tremor-label text-red-700 dark:text-red-400">
      {status.text}
    </p>
  );
}

export const inputClass =
  'rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-2 py-1 text-tremor-default text-tremor-content-strong shadow-tremor-input';

export const buttonClass =
  'rounded-tremor-small bg-tremor-brand-default px-3 py-1 text-tremor-default font-medium text-tremor-brand-inverted shadow-tremor-input hover:bg-tremor-brand-emphasis disabled:opacity-50';

export const secondaryButtonClass =
  'rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-3 py-1 text-tremor-default font-medium text-tremor-content-emphasis shadow-tremor-input hover:bg-tremor-background-muted disabled:opacity-50';

export const panelClass =
  'rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-5 shadow-tremor-card';
