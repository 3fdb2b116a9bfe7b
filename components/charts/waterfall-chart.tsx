import type { WaterfallStep } from '@/lib/dashboard/waterfall';

const ROW = 38;
const LABEL_W = 210;
const VALUE_W = 110;
const WIDTH = 820;
const BAR_W = WIDTH - LABEL_W - VALUE_W;

const FILL: Record<WaterfallStep['kind'], string> = {
  start: 'fill-blue-500',
  add: 'fill-amber-500',
  total: 'fill-emerald-600 dark:fill-emerald-500',
};

/**
 * A horizontal waterfall: each step's bar runs from where the previous one ended, so the eye
 * follows the cost building up to the total. Steps arrive computed; this only draws them.
 */
export function WaterfallChart({
  steps,
  format,
  title,
}: {
  steps: readonly WaterfallStep[];
  format: (value: number) => string;
  title: string;
}) {
  const max = Math.max(...steps.map((s) => Math.max(s.start, s.end)), 0) || 1;
  const x = (v: number) => LABEL_W + (Math.max(0, v) / max) * BAR_W;
  const height = steps.length * ROW + 8;
  const summary = steps.map((s) => `${s.label}: ${format(s.value)}`).join('; ');
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="h-auto w-full"
      role="img"
      aria-label={`${title}. ${summary}`}
      data-testid="waterfall-svg"
    >
      {steps.map((s, i) => {
        const y = i * ROW + 6;
        const left = x(Math.min(s.start, s.end));
        const width = Math.max(1.5, x(Math.max(s.start, s.end)) - left);
        const next = steps[i + 1];
        return (
          <g key={s.label}>
            <text
              x={LABEL_W - 10}
              y={y + ROW / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className={`text-[13px] ${s.kind === 'total' ? 'fill-tremor-content-strong font-semibold' : 'fill-tremor-content-emphasis'}`}
            >
              {s.label}
            </text>
            <rect
              x={left}
              y={y + 6}
              width={width}
              height={ROW - 14}
              rx={3}
              className={FILL[s.kind]}
              data-step={s.kind}
            />
            <text
              x={WIDTH - 4}
              y={y + ROW / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className="fill-tremor-content-strong text-[13px] tabular-nums"
            >
              {s.kind === 'add' ? `+${format(s.value)}` : format(s.value)}
            </text>
            {next && next.kind !== 'total' ? (
              <line
                x1={x(s.end)}
                x2={x(s.end)}
                y1={y + ROW - 8}
                y2={y + ROW + 6}
                className="stroke-tremor-content-subtle"
                strokeDasharray="2 2"
              />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
