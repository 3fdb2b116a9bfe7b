import type { Anomaly } from './anomalies';
import * as f from './format';

const FIGURE_NAME = { cut: 'CUT', retry_rate: 'Retry rate', prompt_length: 'Prompt length' } as const;

const valueText = (a: Pick<Anomaly, 'figure'>, v: number) =>
  a.figure === 'cut' ? `${f.usd(v.toFixed(6))} per 1M` : a.figure === 'retry_rate' ? f.rate(v) : f.tokens(v);

export const figureName = (a: Pick<Anomaly, 'figure'>) => FIGURE_NAME[a.figure];

/** One sentence per anomaly, with the figures that make it one. */
export function describeAnomaly(a: Anomaly): string {
  if (a.kind === 'spike') {
    const where = a.direction === 'up' ? 'above' : 'below';
    return `${valueText(a, a.value)}, ${where} its 14-day range of ${valueText(a, a.recent.low)} – ${valueText(a, a.recent.high)}`;
  }
  const verb = a.direction === 'up' ? 'crept up' : 'drifted down';
  return `${verb} ${f.change(a.change)} since the start of the range: ${valueText(a, a.baseline)} → ${valueText(a, a.value)} (7-day medians)`;
}
