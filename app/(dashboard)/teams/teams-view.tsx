'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-error';
import { BudgetsPanel, type AlertView } from './budgets-panel';
import { ChargebackTable } from './chargeback-table';
import { money } from './format';
import { MonthPicker, MonthStatusBar, type MonthOption } from './month-bar';
import { PoliciesPanel } from './policies-panel';
import { chargebackQuery } from './queries';
import { Reconciliation } from './reconciliation';
import { teamsSearchParams } from './search-params';
import { TeamsSkeleton } from './skeleton';
import { WebhooksPanel, type DeliveryView, type WebhookView } from './webhooks-panel';

export interface TeamsPageData {
  /** what the viewer may see and change: every team (else its own rows only), budgets and close, policies, webhooks */
  access: { allTeams: boolean; finance: boolean; settings: boolean; webhooks: boolean };
  months: Array<MonthOption & { closedAt: string | null; closedBy: string | null }>;
  month: string;
  nextOpenMonth: string | null;
  alerts: AlertView[];
  webhooks: WebhookView[];
  deliveries: DeliveryView[];
  teams: string[];
}

export function TeamsView({ data }: { data: TeamsPageData }) {
  const [, setParams] = useQueryStates(teamsSearchParams, { history: 'push', shallow: false });
  const query = useQuery({ ...chargebackQuery(data.month), placeholderData: keepPreviousData });
  const body = query.data;
  const current = data.months.find((m) => m.month === data.month);
  return (
    <>
      <PageHeader
        title="Teams"
        description="Monthly chargeback: what each team is charged for LLM inference, by layer, with the idle and shared costs placed on it and the policies that placed them."
        actions={
          <MonthPicker months={data.months} value={data.month} onChange={(month) => void setParams({ month })} />
        }
      />
      {current ? (
        <MonthStatusBar
          month={data.month}
          status={current.status}
          ended={current.ended}
          closedAt={current.closedAt}
          closedBy={current.closedBy}
          canClose={data.access.finance}
        />
      ) : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {body ? (
        <div className="space-y-6" aria-busy={query.isPlaceholderData} data-testid="teams-content">
          {body.rows.length === 0 && !body.unallocated ? (
            <p role="status" className="rounded-tremor-default border border-tremor-border-default p-4">
              No cost was recorded in this month. Send telemetry to <code>POST /api/v1/events</code> and it appears
              here.
            </p>
          ) : null}
          <div>
            <ChargebackTable body={body} />
            {data.access.allTeams ? (
              <Reconciliation body={body} />
            ) : (
              <p className="mt-3 text-tremor-label" data-testid="scoped-note">
                Only your teams are shown; the totals line adds up their rows.
              </p>
            )}
            {body.pending_correction ? (
              <p className="mt-2 text-tremor-default" data-testid="pending-correction">
                Since it was closed, this month&apos;s live figures moved by {money(body.pending_correction.usd)}; the
                difference is charged as a correction in {body.pending_correction.book_in}.
              </p>
            ) : null}
            {body.corrections.length ? (
              <p className="mt-2 text-tremor-default" data-testid="corrections">
                Includes corrections of closed months:{' '}
                {body.corrections.map((c) => `${c.month} ${money(c.usd.replace(/(\.\d{2})\d*$/, '$1'))}`).join(', ')}{' '}
                (ChargeClass Correction in the FOCUS file).
              </p>
            ) : null}
          </div>
          <div className={data.access.webhooks ? 'grid gap-6 xl:grid-cols-2' : ''}>
            <PoliciesPanel
              body={body}
              teams={data.teams}
              nextOpenMonth={data.nextOpenMonth}
              canEdit={data.access.settings}
            />
            {data.access.webhooks ? (
              <WebhooksPanel webhooks={data.webhooks} deliveries={data.deliveries} canEdit={data.access.finance} />
            ) : null}
          </div>
          <BudgetsPanel body={body} alerts={data.alerts} canEdit={current?.status === 'open' && data.access.finance} />
        </div>
      ) : query.isPending ? (
        <TeamsSkeleton />
      ) : null}
    </>
  );
}
