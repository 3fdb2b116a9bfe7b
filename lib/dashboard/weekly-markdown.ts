import { formatDayRange } from '../format/dates';
import * as f from './format';
import type { WeeklyReport } from './weekly-report';

/** Table cells must not break the row: pipes escaped, line breaks flattened. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;

/** "$4.13 (+2.1%)": a value with its week-over-week change, when there is one. */
const withChange = (value: string, change: string) => (change === f.NONE ? value : `${value} (${change})`);

/** Explains a mover in one line: its change, then each layer that moved, largest first. */
export function moverSentence(m: WeeklyReport['movers'][number]): string {
  const layers = m.layers
    .filter((l) => Math.abs(Number(l.deltaUsd)) >= 0.005)
    .slice(0, 3)
    .map((l) => {
      const idle =
        l.label === 'L2 serving' && Number(m.idleDeltaUsd) !== 0 ? `, idle ${f.signedUsd(m.idleDeltaUsd)}` : '';
      return `${l.label} ${f.signedUsd(l.deltaUsd)}${idle}`;
    });
  const change = m.change === null ? '' : ` (${f.change(m.change)})`;
  return `${m.name}: ${f.signedUsd(m.deltaUsd)}${change}${layers.length ? ` — ${layers.join('; ')}` : ''}`;
}

/** The weekly review as Markdown for the meeting notes: the same figures as the page. */
export function weeklyMarkdown(report: WeeklyReport): string {
  const lines: string[] = [];
  lines.push(`# Weekly TCO review: ${formatDayRange(report.week)}`, '');
  lines.push(
    `Total cost of ownership ${f.usd(report.total.tcoUsd)}${report.total.tcoChange === null ? '' : ` (${f.change(report.total.tcoChange)} on ${formatDayRange(report.previous)})`}, ` +
      `a monthly run rate of ${f.usd(report.total.runRateUsd)}; ${f.count(report.total.acceptedWorkflows)} accepted workflows.`,
    '',
  );
  lines.push('## Per workload class', '');
  lines.push(
    row([
      'Workload class',
      'Run rate (USD/month)',
      'Cost per accepted workflow (USD)',
      'p95 latency',
      'Retry rate',
      'Cache hit rate',
      'Human review (hours)',
    ]),
  );
  lines.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const c of report.classes) {
    lines.push(
      row([
        c.name,
        withChange(f.usd(c.runRateUsd), f.change(c.wow.tco)),
        c.costPerAcceptedUsd === null
          ? f.NONE
          : withChange(`${f.usd(c.costPerAcceptedUsd)} per ${c.unit}`, f.change(c.wow.costPerAccepted)),
        withChange(f.ms(c.p95LatencyMs), f.change(c.wow.p95Latency)),
        withChange(f.rate(c.retryRate), f.pointsChange(c.wow.retryRate)),
        withChange(f.rate(c.cacheHitRate), f.pointsChange(c.wow.cacheHitRate)),
        withChange(f.hours(c.reviewHours), f.change(c.wow.reviewHours)),
      ]),
    );
  }
  lines.push('', 'Changes in brackets are against the week before; rates change in percentage points (pp).', '');
  lines.push('## Biggest movers', '');
  if (report.movers.length === 0) lines.push('No class changed cost since the week before.');
  for (const m of report.movers) lines.push(`- ${moverSentence(m)}`);
  lines.push('', '## Top failure modes', '');
  const withFailures = report.classes.filter((c) => c.failures.length > 0);
  if (withFailures.length === 0) lines.push('No rejected workflows this week.');
  for (const c of withFailures) {
    const top = c.failures.map((x) => `${x.reason} (${f.count(x.workflows)})`).join(', ');
    lines.push(`- ${c.name}: ${top}`);
  }
  lines.push('');
  return lines.join('\n');
}
