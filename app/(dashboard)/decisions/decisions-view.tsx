'use client';

import { useQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { BreakEvenPanel } from '@/components/decisions/break-even-panel';
import { SelectField } from '@/components/decisions/controls';
import { decisionOptionsQuery } from '@/components/decisions/queries';
import { MigrationRecommendations } from '@/components/decisions/recommendations-list';
import { WhatIfPanel } from '@/components/decisions/what-if-panel';
import { DateRangePicker } from '@/components/date-range-picker';
import { PageHeader } from '@/components/page-header';
import { defaultRange, rangePresets, rangeProblem, resolveRange, type DayRange } from '@/lib/dates/range';
import { formatDayRange } from '@/lib/format/dates';
import { decisionsSearchParams } from './search-params';

const ALL = 'all';

export function DecisionsView({ dataRange }: { dataRange: DayRange }) {
  const [asked, setAsked] = useQueryStates(decisionsSearchParams, { history: 'push' });
  const range = resolveRange(asked, defaultRange(dataRange));
  const presets = useMemo(() => rangePresets(dataRange), [dataRange]);
  const options = useQuery(decisionOptionsQuery(range));
  const classes = options.data?.classes ?? [];
  const chosen = asked.class === ALL ? ALL : asked.class && classes.includes(asked.class) ? asked.class : classes[0];
  const workloadClass = chosen === undefined || chosen === ALL ? null : chosen;

  return (
    <>
      <PageHeader
        title="Decisions"
        description={
          <>
            Shorter prompts, more caching, capped retries, another model or a GPU pool: what each would have cost over{' '}
            <span className="font-medium text-tremor-content-emphasis" data-testid="range-label">
              {formatDayRange(range)}
            </span>
            , priced by the engine that prices the bill.
          </>
        }
        actions={
          <DateRangePicker
            value={range}
            bounds={dataRange}
            presets={presets}
            validate={rangeProblem}
            onChange={(next) => void setAsked(next)}
          />
        }
      />
      <div className="mb-6 max-w-xs">
        <SelectField
          label="Workload class"
          value={chosen ?? ALL}
          options={[...classes.map((c) => [c, c] as const), [ALL, 'All classes (what-if only)'] as const]}
          onChange={(value) => void setAsked({ class: value })}
          testId="select-class"
        />
      </div>
      <div className="space-y-6">
        <WhatIfPanel
          key={`${range.from}/${range.to}/${chosen}`}
          from={range.from}
          to={range.to}
          workloadClass={workloadClass}
        />
        <BreakEvenPanel
          key={`be/${range.from}/${range.to}/${chosen}`}
          from={range.from}
          to={range.to}
          workloadClass={workloadClass}
        />
        <MigrationRecommendations from={range.from} to={range.to} />
      </div>
    </>
  );
}
