'use client';

import { useQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { useCallback, useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-error';
import { Skeleton } from '@/components/skeleton';
import { AuditSection } from './audit-section';
import { FixedCostsSection } from './fixed-costs-section';
import { SavingContext } from './form-bits';
import { KeysSection } from './keys-section';
import { PoliciesSection } from './policies-section';
import { PoolsSection } from './pools-section';
import { PricesSection } from './prices-section';
import { settingsQuery } from './queries';
import { RepricingStatus } from './repricing-status';
import { settingsSearchParams, type SettingsTab } from './search-params';

const TABS: Array<{ tab: SettingsTab; label: string }> = [
  { tab: 'prices', label: 'Model prices' },
  { tab: 'pools', label: 'GPU pools' },
  { tab: 'fixed-costs', label: 'Fixed costs' },
  { tab: 'policies', label: 'Policies & unit costs' },
  { tab: 'keys', label: 'Ingest keys' },
  { tab: 'audit', label: 'Audit log' },
];

/** What the viewer may change here: the price book and policies (settings:write), keys (keys:manage). */
export interface SettingsAccess {
  edit: boolean;
  keys: boolean;
}

export function SettingsView({ access }: { access: SettingsAccess }) {
  const [{ tab }, setState] = useQueryStates(settingsSearchParams, { history: 'push' });
  const tabs = TABS.filter((t) => t.tab !== 'keys' || access.keys);
  const settings = useQuery(settingsQuery());
  const data = settings.data;
  const [saves, setSaves] = useState(0);
  const onSaving = useCallback((saving: boolean) => {
    if (saving) setSaves((n) => n + 1);
    else setSaves((n) => Math.max(0, n - 1));
  }, []);

  return (
    <>
      <PageHeader
        title="Settings"
        description="The price book and policies behind every figure. Every change is audited and re-prices the days it affects."
      />
      <nav aria-label="Settings sections" className="mb-6 flex flex-wrap gap-1 border-b border-tremor-border-default">
        {tabs.map((t) => (
          <a
            key={t.tab}
            href={`?tab=${t.tab}`}
            aria-current={t.tab === tab ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              void setState({ tab: t.tab });
            }}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-tremor-default font-medium text-tremor-content-emphasis hover:text-tremor-content-strong aria-[current=page]:border-tremor-brand-default aria-[current=page]:text-tremor-brand-emphasis"
          >
            {t.label}
          </a>
        ))}
      </nav>
      {access.edit ? null : (
        <p
          role="note"
          data-testid="settings-read-only"
          className="mb-4 rounded-tremor-default border border-tremor-border-default bg-tremor-background-muted px-4 py-3 text-tremor-default"
        >
          Read-only: your role may look at the price book and policies; an admin changes them.
        </p>
      )}
      {settings.isError ? <QueryError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {!data ? (
        <Skeleton className="h-96 w-full" />
      ) : (
        <SavingContext value={onSaving}>
          <RepricingStatus initial={data.repricing_jobs} saving={saves > 0} />
          {/* a disabled fieldset turns off every form control below for a read-only role */}
          <fieldset disabled={!access.edit} className="contents">
            {tab === 'prices' ? <PricesSection prices={data.prices} /> : null}
            {tab === 'pools' ? <PoolsSection pools={data.pools} /> : null}
            {tab === 'fixed-costs' ? <FixedCostsSection costs={data.fixed_costs} teams={data.teams} /> : null}
            {tab === 'policies' ? <PoliciesSection settings={data.settings} data={data} /> : null}
          </fieldset>
          {tab === 'keys' && data.keys ? <KeysSection keys={data.keys} teams={data.teams} /> : null}
          {tab === 'keys' && !data.keys ? (
            <p role="status" className="text-tremor-default">
              Ingest keys are managed by an admin.
            </p>
          ) : null}
          {tab === 'audit' ? <AuditSection entries={data.audit} /> : null}
        </SavingContext>
      )}
    </>
  );
}
