'use client';

import type { FormEvent } from 'react';
import { Panel } from '@/components/panel';
import { DataTable } from '@/components/tables/data-table';
import * as f from '@/lib/dashboard/format';
import { saveSettings } from './actions/settings';
import { Field, inputClass, Options, text, useSettingsAction, FormActions } from './form-bits';
import type { SettingsPageData } from './settings-data';

type Settings = SettingsPageData['settings'];
type UnitCost = Settings['unit_costs'][number];
const KIND = { tool_call: 'USD per tool call', reviewer_hour: 'Reviewer USD per hour' } as const;

export function PoliciesSection({ settings, data }: { settings: Settings; data: SettingsPageData }) {
  const policy = useSettingsAction(saveSettings);
  const unit = useSettingsAction(saveSettings);

  function submitPolicy(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    policy.run(
      {
        idle_policy: text(form.get('idle_policy')),
        reporting_time_zone: text(form.get('reporting_time_zone')),
        strict_registry: form.get('strict_registry') === 'on',
        ingest_rate_limit_per_minute: Number(text(form.get('ingest_rate_limit_per_minute')) || NaN),
      },
      (r) => (r.repricing_jobs.length ? 'Saved; re-pricing what it moves.' : 'Saved.'),
    );
  }
  function submitUnit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    unit.run(
      {
        unit_costs: [
          {
            kind: text(form.get('kind')),
            scope: text(form.get('scope')),
            usd: text(form.get('usd')),
            effective_from: text(form.get('effective_from')),
          },
        ],
      },
      () => 'Unit cost saved; re-pricing what it moves.',
    );
  }
  const fieldOf = (fields: Record<string, string>, name: string) => fields[name] ?? fields[`unit_costs.0.${name}`];

  return (
    <div className="space-y-6">
      <Panel
        title="Allocation policy and reporting"
        description="How idle GPU capacity is charged, which time zone a reporting day follows, and how ingest treats new names and bursts."
        testId="policies"
      >
        <form onSubmit={submitPolicy} noValidate className="grid gap-4 sm:grid-cols-2">
          <fieldset className="space-y-1">
            <legend className="text-tremor-label font-medium text-tremor-content-emphasis">Idle GPU capacity</legend>
            <label className="flex items-start gap-2 text-tremor-default">
              <input
                type="radio"
                name="idle_policy"
                value="share"
                defaultChecked={settings.idle_policy === 'share'}
                className="mt-1"
              />
              <span>Share: spread over each pool&apos;s users by their GPU-hours that day</span>
            </label>
            <label className="flex items-start gap-2 text-tremor-default">
              <input
                type="radio"
                name="idle_policy"
                value="separate"
                defaultChecked={settings.idle_policy === 'separate'}
                className="mt-1"
              />
              <span>Separate: keep it on __unallocated__, visible on its own</span>
            </label>
          </fieldset>
          <Field
            label="Reporting time zone"
            name="reporting_time_zone"
            error={policy.fields.reporting_time_zone}
            hint="IANA name, such as UTC or Europe/Paris. Changing it rebuilds every day."
          >
            {(p) => <input {...p} className={inputClass} defaultValue={settings.reporting_time_zone} />}
          </Field>
          <label className="flex items-center gap-2 text-tremor-default">
            <input type="checkbox" name="strict_registry" defaultChecked={settings.strict_registry} />
            Refuse events of unregistered teams and workload classes
          </label>
          <Field
            label="Ingest requests per minute, per key"
            name="ingest_rate_limit_per_minute"
            error={policy.fields.ingest_rate_limit_per_minute}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={1}
                step={1}
                className={inputClass}
                defaultValue={settings.ingest_rate_limit_per_minute}
              />
            )}
          </Field>
          <FormActions action={policy} label="Save policy" />
        </form>
      </Panel>

      <Panel
        title="Unit costs"
        description="Tool calls (per workload class) and reviewer time (per team) are L4 costs. An empty scope is the default for all."
        testId="unit-costs"
      >
        <DataTable<UnitCost>
          caption="Unit cost versions"
          rows={settings.unit_costs}
          rowKey={(u) => `${u.kind}/${u.scope}/${u.effective_from}`}
          columns={[
            { key: 'kind', header: 'Kind', cell: (u) => KIND[u.kind as keyof typeof KIND] ?? u.kind },
            { key: 'scope', header: 'Scope', cell: (u) => u.scope || 'default' },
            { key: 'usd', header: 'USD', align: 'right', cell: (u) => f.price(u.usd) },
            { key: 'from', header: 'From', cell: (u) => u.effective_from.slice(0, 10) },
          ]}
        />
        {settings.unit_costs.length === 0 ? (
          <p className="mt-2 text-tremor-default">None set: tool calls cost nothing and reviewers USD 60 per hour.</p>
        ) : null}
        <form onSubmit={submitUnit} noValidate className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="Kind" name="kind" error={fieldOf(unit.fields, 'kind')}>
            {(p) => (
              <select {...p} className={inputClass} defaultValue="reviewer_hour">
                <Options of={KIND} />
              </select>
            )}
          </Field>
          <Field
            label="Scope"
            name="scope"
            error={fieldOf(unit.fields, 'scope')}
            hint="A team (reviewer) or workload class (tool call); empty: all"
          >
            {(p) => <input {...p} className={inputClass} list="unit-scopes" defaultValue="" />}
          </Field>
          <datalist id="unit-scopes">
            {[...data.teams.map((t) => t.slug), ...data.workload_classes.map((c) => c.slug)].map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <Field label="USD" name="usd" error={fieldOf(unit.fields, 'usd')}>
            {(p) => <input {...p} inputMode="decimal" className={inputClass} />}
          </Field>
          <Field label="Effective from" name="effective_from" error={fieldOf(unit.fields, 'effective_from')}>
            {(p) => (
              <input {...p} type="date" className={inputClass} defaultValue={new Date().toISOString().slice(0, 10)} />
            )}
          </Field>
          <FormActions action={unit} label="Add unit cost" pendingLabel="Saving and re-pricing…" wide />
        </form>
      </Panel>
    </div>
  );
}
