'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { layerChartRows, whatIfComparison } from '@/lib/decisions/panel-data';
import { changesBody, UNCHANGED, type WhatIfSettings } from '@/lib/decisions/panel-settings';
import type { DayRange } from '@/lib/dates/range';
import { formatDayRange } from '@/lib/format/dates';
import { ComparisonTable } from './comparison-table';
import { LayerChart } from './layer-chart';
import { QueryError } from '@/components/query-error';
import { PanelCard, PanelSkeleton } from './panel-states';
import { decisionOptionsQuery, whatIfQuery } from './queries';
import { useDebounced } from './use-debounced';
import { WhatIfControls } from './what-if-controls';

/**
 * What-if sensitivity for a period and a workload class (null: every class): levers on the left,
 * the observed and projected figures by layer on the right, re-priced by the costing engine.
 */
export function WhatIfPanel({ from, to, workloadClass }: { from: string; to: string; workloadClass: string | null }) {
  const range: DayRange = { from, to };
  const [settings, setSettings] = useState<WhatIfSettings>(UNCHANGED);
  const changes = useDebounced(useMemo(() => changesBody(settings), [settings]));
  const options = useQuery(decisionOptionsQuery(range));
  const answer = useQuery({
    ...whatIfQuery({ from, to, workload_class: workloadClass, changes }),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => (answer.data ? whatIfComparison(answer.data) : null), [answer.data]);
  const scope = workloadClass ?? 'all workload classes';

  return (
    <PanelCard
      title="What-if"
      testId="what-if-panel"
      busy={answer.isFetching}
      description={`Change how ${scope} calls models over ${formatDayRange(range)} and see the same costing engine re-price every call, with idle capacity and shared costs allocated again.`}
    >
      <div className="grid gap-6 xl:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <WhatIfControls settings={settings} options={options.data} onChange={setSettings} />
        <div className="min-w-0 space-y-4">
          {answer.isError ? <QueryError error={answer.error} onRetry={() => void answer.refetch()} /> : null}
          {rows && answer.data ? (
            <>
              <ComparisonTable rows={rows} caption={`Observed and projected figures for ${scope}`} />
              <LayerChart data={layerChartRows(rows)} />
              {answer.data.notes.length ? (
                <ul
                  className="list-disc space-y-1 pl-5 text-tremor-label text-tremor-content-default"
                  data-testid="what-if-notes"
                >
                  {answer.data.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : answer.isPending ? (
            <PanelSkeleton label="Re-pricing the period" />
          ) : null}
        </div>
      </div>
    </PanelCard>
  );
}
