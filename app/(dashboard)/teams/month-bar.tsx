'use client';

import { useId, useState } from 'react';
import { closeMonthFromPage } from './actions';
import { ActionStatusLine, buttonClass, inputClass, secondaryButtonClass } from './action-status';
import { formatMonth } from './format';
import { usePageAction } from './use-page-action';

export interface MonthOption {
  month: string;
  status: 'open' | 'closed';
  ended: boolean;
}

/** Month picker and the downloads of the month shown. */
export function MonthPicker({
  months,
  value,
  onChange,
}: {
  months: MonthOption[];
  value: string;
  onChange: (month: string) => void;
}) {
  const id = useId();
  const exports = [
    ['csv', 'CSV'],
    ['focus', 'FOCUS CSV'],
    ['focus_manifest', 'FOCUS manifest'],
  ] as const;
  return (
    <div className="flex flex-col gap-2 lg:items-end">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="text-tremor-default">
          Month
        </label>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
          {months.map((m) => (
            <option key={m.month} value={m.month}>
              {formatMonth(m.month)}
              {m.status === 'closed' ? ' (closed)' : m.ended ? '' : ' (in progress)'}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-tremor-label" id={`${id}-dl`}>
          Download:
        </span>
        {exports.map(([format, label]) => (
          <a
            key={format}
            href={`/api/v1/chargeback?month=${value}&format=${format}`}
            download
            aria-describedby={`${id}-dl`}
            className={secondaryButtonClass}
          >
            {label}
          </a>
        ))}
      </div>
    </div>
  );
}

/** Whether the month is open or frozen, and the close button for an open month that has ended. */
export function MonthStatusBar({
  month,
  status,
  ended,
  closedAt,
  closedBy,
  canClose,
}: {
  month: string;
  status: 'open' | 'closed';
  ended: boolean;
  closedAt: string | null;
  closedBy: string | null;
  /** finance:write */
  canClose: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const { pending, status: result, run } = usePageAction();
  return (
    <div
      data-testid="month-status"
      className="mb-4 flex flex-wrap items-center gap-3 rounded-tremor-default border border-tremor-border-default bg-tremor-background-subtle px-4 py-2 text-tremor-default"
    >
      {status === 'closed' ? (
        <span>
          <span className="font-semibold text-tremor-content-strong">Closed</span> on{' '}
          {closedAt?.slice(0, 16).replace('T', ' ')} UTC by {closedBy}: these figures are frozen. Later changes to this
          month are charged as corrections in the next open month.
        </span>
      ) : (
        <span>
          <span className="font-semibold text-tremor-content-strong">Open</span>
          {ended
            ? ': the month is over; figures still follow re-pricing until it is closed.'
            : ': the month is in progress; figures follow new telemetry and re-pricing.'}
        </span>
      )}
      {status === 'open' && ended && canClose ? (
        confirming ? (
          <span className="flex items-center gap-2">
            <button
              type="button"
              disabled={pending}
              className={buttonClass}
              onClick={() =>
                run(
                  () => closeMonthFromPage(month),
                  () => setConfirming(false),
                )
              }
            >
              {pending ? 'Closing…' : `Close ${formatMonth(month)} for good`}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(true)}>
            Close month…
          </button>
        )
      ) : null}
      <ActionStatusLine status={result} />
    </div>
  );
}
