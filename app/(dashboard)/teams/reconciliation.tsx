import type { ChargebackJson } from '@/lib/api/chargeback-wire';
import { formatUnits, parseDecimal } from '@/lib/money';
import { money } from './format';

const micro = (usd: string) => parseDecimal(usd, 6);
const usd = (micros: bigint) => formatUnits(micros, 6, 6);

/** The line finance checks first: the rows add up to the month's TCO from the costing engine. */
export function Reconciliation({ body }: { body: ChargebackJson }) {
  const r = body.reconciliation;
  const teams = body.rows.reduce((sum, row) => sum + micro(row.tco_usd), 0n);
  const hasCorrections = r.corrections_usd !== '0.000000';
  return (
    <p
      data-testid="reconciliation"
      className={
        'mt-3 rounded-tremor-small border px-3 py-2 text-tremor-default ' +
        (r.balanced
          ? 'border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-100'
          : 'border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100')
      }
    >
      <span className="font-semibold">{r.balanced ? 'Reconciled:' : 'Does not reconcile:'}</span> teams{' '}
      {money(usd(teams))}
      {body.unallocated ? <> + unallocated {money(body.unallocated.tco_usd)}</> : null} ={' '}
      <span data-testid="reconciliation-rows">{money(r.rows_tco_usd)}</span>, the month&apos;s TCO from the costing
      engine <span data-testid="reconciliation-engine">{money(r.month_tco_usd)}</span> (exact{' '}
      {r.month_tco_exact_usd.replace(/(\.\d{6})\d*$/, '$1')} USD, difference {money(r.difference_usd)})
      {hasCorrections ? (
        <>
          ; with corrections of closed months {money(r.corrections_usd)}, charged in total {money(r.total_usd)}
        </>
      ) : null}
      .
    </p>
  );
}
