import { FORECAST_METHOD, THRESHOLDS } from '../chargeback/budget';
import type { ChargebackReport } from '../chargeback/report';
import { formatUnits, parseDecimal, PICO_DIGITS } from '../money';

const usd = (pico: bigint) => formatUnits(pico, PICO_DIGITS, 6);

interface AlertLike {
  team: string;
  basis: 'actual' | 'forecast';
  thresholdPct: number;
  budgetUsd: string;
  valueUsd: string;
  crossedAt: string;
}

/** Each budget with the month's spend and forecast against it, and the thresholds reached. */
export function budgetsJson(month: string, report: ChargebackReport, alerts: readonly AlertLike[]) {
  return {
    month,
    thresholds_pct: THRESHOLDS,
    forecast_method: FORECAST_METHOD,
    budgets: report.rows
      .filter((r) => r.budget)
      .map((r) => ({
        team: r.team,
        name: r.name,
        monthly_usd: usd(r.budget!.monthly),
        actual_usd: usd(r.total),
        used: r.budget!.used,
        forecast_usd: r.budget!.forecast === null ? null : usd(r.budget!.forecast),
        forecast_used: r.budget!.forecastUsed,
        actual_threshold_pct: r.budget!.actualThreshold,
        forecast_threshold_pct: r.budget!.forecastThreshold,
      })),
    alerts: alerts.map((a) => ({
      team: a.team,
      basis: a.basis,
      threshold_pct: a.thresholdPct,
      budget_usd: usd(parseDecimal(a.budgetUsd, PICO_DIGITS)),
      value_usd: usd(parseDecimal(a.valueUsd, PICO_DIGITS)),
      crossed_at: a.crossedAt,
    })),
  };
}
