import { totalOf } from '../lib/chargeback/lines';
import type { Policies } from '../lib/chargeback/policies';
import { addUp } from '../lib/chargeback/report';
import type { MonthView } from './month-view';

/**
 * A month's chargeback as a caller limited to `teams` may see it (undefined: every team, as is).
 * Its teams' rows keep the cents they have on the full report, so every export agrees with
 * finance's; everything that adds other teams in is dropped or re-added over its rows only: the
 * unallocated line, the totals, shares of the month, the reconciliation, other teams' costs and
 * budgets. Rules that name other teams keep only this caller's part.
 */
export function scopeMonthView(view: MonthView, teams: readonly string[] | undefined): MonthView {
  if (teams === undefined) return view;
  const mine = (team: string) => teams.includes(team);
  const rows = view.report.rows.filter((r) => mine(r.team)).map((r) => ({ ...r, shareOfTotal: null }));
  const totals = addUp(rows);
  const corrections = view.corrections
    .map((c) => ({ month: c.month, lines: c.lines.filter((l) => mine(l.team)) }))
    .filter((c) => c.lines.length > 0);
  return {
    ...view,
    lines: view.lines.filter((l) => mine(l.team)),
    corrections,
    // how far a closed month moved is the whole month's drift
    pending: null,
    policies: scopePolicies(view.policies, mine),
    teamNames: new Map([...view.teamNames].filter(([team]) => mine(team))),
    budgets: new Map([...view.budgets].filter(([team]) => mine(team))),
    // reconciled over its own rows: the month's total is every team's
    engineTco: totals.tco,
    report: {
      ...view.report,
      rows,
      unallocated: null,
      totals,
      exactTco: totals.tco,
      exactCorrections: corrections.reduce((sum, c) => sum + totalOf(c.lines), 0n),
    },
  };
}

/** Fixed costs that may reach these teams: shared ones (with only their shares), those assigned to them or to no team. */
function scopePolicies(policies: Policies, mine: (team: string) => boolean): Policies {
  const fixedCosts = policies.fixedCosts.flatMap((cost) => {
    if (cost.rule === 'assigned') return cost.team === null || mine(cost.team) ? [cost] : [];
    if (cost.rule !== 'fixed' || !cost.fixedShares) return [cost];
    const shares = Object.entries(cost.fixedShares).filter(([team]) => mine(team));
    return shares.length ? [{ ...cost, fixedShares: Object.fromEntries(shares) }] : [];
  });
  return { ...policies, fixedCosts };
}
