'use client';

import { ScatterChart } from '@tremor/react';
import type { CustomTooltipProps } from '@tremor/react';

export const FRONTIER = 'On the frontier';
export const DOMINATED = 'Beaten on both';

export interface ParetoDatum {
  name: string;
  /** FRONTIER or DOMINATED */
  group: string;
  'p95 latency (ms)': number;
  'CUT (USD per 1M useful tokens)': number;
}

function Tooltip({ payload, active }: CustomTooltipProps) {
  const datum = payload?.[0]?.payload as ParetoDatum | undefined;
  if (!active || !datum) return null;
  return (
    <div className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-2 text-tremor-label shadow-tremor-dropdown">
      <p className="font-semibold text-tremor-content-strong">{datum.name}</p>
      <p>p95 latency {Math.round(datum['p95 latency (ms)']).toLocaleString('en-US')} ms</p>
      <p>CUT ${datum['CUT (USD per 1M useful tokens)'].toFixed(2)} per 1M useful tokens</p>
      <p>{datum.group}</p>
    </div>
  );
}

/** Each option by p95 latency (x) and CUT (y); the frontier is what nothing beats on both. */
export function ParetoChart({
  data,
  formatLatency,
  formatCut,
}: {
  data: readonly ParetoDatum[];
  formatLatency: (v: number) => string;
  formatCut: (v: number) => string;
}) {
  return (
    <ScatterChart
      className="h-72"
      data={[...data]}
      x="p95 latency (ms)"
      y="CUT (USD per 1M useful tokens)"
      category="group"
      colors={['emerald', 'gray']}
      valueFormatter={{ x: formatLatency, y: formatCut }}
      yAxisWidth={72}
      showAnimation={false}
      customTooltip={Tooltip}
    />
  );
}
