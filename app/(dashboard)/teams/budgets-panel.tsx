'use client';

import { useId } from 'react';
import type { ChargebackJson, ChargebackRowJson } from '@/lib/api/chargeback-wire';
import { removeBudget, saveBudget } from './actions';
import { ActionStatusLine, buttonClass, inputClass, panelClass, secondaryButtonClass } from './action-status';
import { formatShare, money, teamLabel } from './format';
import { usePageAction } from './use-page-action';

export interface AlertView {
  team: string;
  basis: 'actual' | 'forecast';
  thresholdPct: number;
  crossedAt: string;
}

function BudgetForm({ row, month, canEdit }: { row: ChargebackRowJson; month: string; canEdit: boolean }) {
  const id = useId();
  const { pending, status, run } = usePageAction();
  if (!canEdit) return <span>{row.budget ? money(row.budget.monthly_usd) : '—'}</span>;
  return (
    <form
      aria-label={`Monthly budget of ${row.name}`}
      className="flex flex-wrap items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        const amount = String(new FormData(e.currentTarget).get('monthly_usd') ?? '');
        run(() => saveBudget({ team: row.team, monthly_usd: amount, from_month: month }));
      }}
    >
      <label htmlFor={id} className="sr-only">
        Monthly budget of {row.name} in USD
      </label>
      <input
        id={id}
        name="monthly_usd"
        inputMode="decimal"
        defaultValue={row.budget ? row.budget.monthly_usd.replace(/\.?0+$/, '') : ''}
        placeholder="USD per month"
        className={`${inputClass} w-28 text-right`}
      />
      <button type="submit" disabled={pending} className={buttonClass}>
        Save
      </button>
      {row.budget ? (
        <button
          type="button"
          disabled={pending}
          className={secondaryButtonClass}
          onClick={() => run(() => removeBudget(row.team, month))}
        >
          Remove
        </button>
      ) : null}
      <div className="basis-full">
        <ActionStatusLine status={status} />
      </div>
    </form>
  );
}

function Reached({ alerts }: { alerts: AlertView[] }) {
  if (alerts.length === 0) return <span className="text-tremor-content-subtle">none</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {alerts.map((a) => (
        <span
          key={`${a.basis}-${a.thresholdPct}`}
          title={`Reached ${a.crossedAt}`}
          className={
            'rounded-tremor-full px-2 py-0.5 text-tremor-label font-medium ' +
            (a.thresholdPct >= 100
              ? 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200'
              : a.thresholdPct >= 90
                ? 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200'
                : 'bg-tremor-background-subtle text-tremor-content-emphasis')
          }
        >
          {a.basis} {a.thresholdPct}%
        </span>
      ))}
    </span>
  );
}

/** Budgets per team: spend and forecast against them, and the thresholds already announced. */
export function BudgetsPanel({
  body,
  alerts,
  canEdit,
}: {
  body: ChargebackJson;
  alerts: AlertView[];
  canEdit: boolean;
}) {
  const cell = 'px-2 py-2 text-right tabular-nums whitespace-nowrap';
  return (
    <section aria-labelledby="budgets-heading" className={panelClass} data-testid="budgets">
      <h2 id="budgets-heading" className="text-tremor-default font-semibold text-tremor-content-strong">
        Budgets
      </h2>
      <p className="mt-1 text-tremor-label">
        Alerts at 50, 75, 90 and 100% of the budget, by actual spend and by forecast; each threshold is announced once a
        month, to the webhooks below. <span className="font-medium">Forecast:</span> {body.forecast_method}
      </p>
      {body.rows.length === 0 ? (
        <p className="mt-3 text-tremor-default">No team has cost in this month yet.</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-tremor-label">
            <thead className="text-tremor-content-emphasis">
              <tr>
                <th scope="col" className="px-2 py-2 text-left font-medium">
                  Team
                </th>
                <th scope="col" className="px-2 py-2 text-left font-medium">
                  Monthly budget
                </th>
                <th scope="col" className={`${cell} font-medium`}>
                  Spent
                </th>
                <th scope="col" className={`${cell} font-medium`}>
                  Used
                </th>
                <th scope="col" className={`${cell} font-medium`}>
                  Forecast
                </th>
                <th scope="col" className={`${cell} font-medium`}>
                  Forecast used
                </th>
                <th scope="col" className="px-2 py-2 text-left font-medium">
                  Thresholds reached
                </th>
              </tr>
            </thead>
            <tbody>
              {body.rows.map((row) => (
                <tr key={row.team} className="border-t border-tremor-border-default" data-testid={`budget-${row.team}`}>
                  <th scope="row" className="px-2 py-2 text-left font-medium text-tremor-content-strong">
                    {teamLabel(row.team, row.name)}
                  </th>
                  <td className="px-2 py-2">
                    <BudgetForm
                      key={row.budget?.monthly_usd ?? 'none'}
                      row={row}
                      month={body.month}
                      canEdit={canEdit}
                    />
                  </td>
                  <td className={cell}>{money(row.total_usd)}</td>
                  <td className={cell}>{row.budget ? formatShare(row.budget.used) : '—'}</td>
                  <td className={cell}>{row.budget?.forecast_usd ? money(row.budget.forecast_usd) : '—'}</td>
                  <td className={cell}>{row.budget ? formatShare(row.budget.forecast_used) : '—'}</td>
                  <td className="px-2 py-2">
                    {row.budget ? <Reached alerts={alerts.filter((a) => a.team === row.team)} /> : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
