'use client';

import { useState, type FormEvent } from 'react';
import { Panel } from '@/components/panel';
import * as f from '@/lib/dashboard/format';
import { savePool } from './actions/pricebook';
import {
  Field,
  inputClass,
  optional,
  Options,
  secondaryButton,
  TableHead,
  text,
  useSettingsAction,
  DecimalField,
  VersionHistory,
  FormActions,
} from './form-bits';
import type { SettingsPageData } from './settings-data';

type Pool = SettingsPageData['pools'][number];
type Version = Pool['history'][number];
const today = () => new Date().toISOString().slice(0, 10);
const PRICING = { on_demand: 'On demand', spot: 'Spot', reserved: 'Reserved', owned_amortized: 'Owned (amortized)' };

export function PoolsSection({ pools }: { pools: readonly Pool[] }) {
  const [draft, setDraft] = useState<Version | null>(null);
  const [formKey, setFormKey] = useState(0);
  const action = useSettingsAction(savePool);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const provisioned = optional(form.get('provisioned_gpu_hours_per_day'));
    action.run(
      {
        name: text(form.get('name')),
        gpu_type: text(form.get('gpu_type')),
        gpu_count: Number(text(form.get('gpu_count')) || NaN),
        usd_per_gpu_hour: text(form.get('usd_per_gpu_hour')),
        pricing_model: text(form.get('pricing_model')),
        billing_granularity: text(form.get('billing_granularity')),
        provisioned_gpu_hours_per_day: provisioned ?? null,
        input_weight: text(form.get('input_weight')),
        effective_from: text(form.get('effective_from')),
      },
      (r) => `${r.created ? 'Added' : 'Replaced'} pool ${r.pool.name} from ${r.pool.effective_from.slice(0, 10)}.`,
    );
  }

  return (
    <div className="space-y-6">
      <Panel
        title="GPU pools"
        description="Self-hosted capacity: what a GPU-hour costs, how it is billed and how many GPU-hours are provisioned a day. Idle capacity (provisioned − used) is L2 cost."
        testId="pools"
      >
        <div className="overflow-x-auto">
          <table className="w-full text-left text-tremor-default" data-testid="pools-table">
            <caption className="sr-only">GPU pools in force, with their history</caption>
            <TableHead
              columns={[
                'Pool',
                'GPUs',
                { label: 'USD per GPU-hour', right: true },
                'Pricing, billing',
                { label: 'Provisioned GPU-hours/day', right: true },
                { label: 'Input weight', right: true },
                'In force from',
              ]}
            />
            <tbody>
              {pools.map((pool) => {
                const v = pool.current ?? pool.history[0]!;
                return (
                  <tr key={pool.name} className="border-b border-tremor-border-default align-top last:border-0">
                    <th scope="row" className="px-2 py-2 font-medium text-tremor-content-strong">
                      {pool.name}
                      <VersionHistory
                        versions={pool.history}
                        line={(h) => (
                          <>
                            from {h.effective_from.slice(0, 10)}: {h.gpu_count} × {h.gpu_type} at{' '}
                            {f.price(h.usd_per_gpu_hour)}
                          </>
                        )}
                      />
                    </th>
                    <td className="px-2 py-2">
                      {v.gpu_count} × {v.gpu_type}
                    </td>
                    <td className="px-2 py-2 text-right tabular-nums">{f.price(v.usd_per_gpu_hour)}</td>
                    <td className="px-2 py-2">
                      {PRICING[v.pricing_model as keyof typeof PRICING] ?? v.pricing_model}, per {v.billing_granularity}
                    </td>
                    <td className="px-2 py-2 text-right tabular-nums">
                      {v.provisioned_gpu_hours_per_day === null
                        ? `always on (${v.gpu_count * 24})`
                        : Number(v.provisioned_gpu_hours_per_day)}
                    </td>
                    <td className="px-2 py-2 text-right tabular-nums">{Number(v.input_weight)}</td>
                    <td className="px-2 py-2">{v.effective_from.slice(0, 10)}</td>
                    <td className="px-2 py-2 text-right">
                      <button
                        type="button"
                        className={secondaryButton}
                        aria-label={`New version of pool ${pool.name}`}
                        onClick={() => (setDraft(v), setFormKey((k) => k + 1))}
                      >
                        New version
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Panel>

      <Panel title={draft ? `New version of pool ${draft.name}` : 'Add a pool'} testId="pool-form-panel">
        <form key={formKey} onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="Name" name="name" error={action.fields.name} hint="As events send it in `pool`">
            {(p) => <input {...p} className={inputClass} defaultValue={draft?.name ?? ''} />}
          </Field>
          <Field label="GPU type" name="gpu_type" error={action.fields.gpu_type}>
            {(p) => <input {...p} className={inputClass} defaultValue={draft?.gpu_type ?? ''} />}
          </Field>
          <Field label="GPU count" name="gpu_count" error={action.fields.gpu_count}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={1}
                step={1}
                className={inputClass}
                defaultValue={draft?.gpu_count ?? 1}
              />
            )}
          </Field>
          <DecimalField
            label="USD per GPU-hour"
            name="usd_per_gpu_hour"
            error={action.fields.usd_per_gpu_hour}
            defaultValue={draft?.usd_per_gpu_hour ?? ''}
          />
          <Field label="Pricing model" name="pricing_model" error={action.fields.pricing_model}>
            {(p) => (
              <select {...p} className={inputClass} defaultValue={draft?.pricing_model ?? 'on_demand'}>
                <Options of={PRICING} />
              </select>
            )}
          </Field>
          <Field label="Billing granularity" name="billing_granularity" error={action.fields.billing_granularity}>
            {(p) => (
              <select {...p} className={inputClass} defaultValue={draft?.billing_granularity ?? 'second'}>
                <option value="second">Per second</option>
                <option value="hour">Per hour (rounded up)</option>
              </select>
            )}
          </Field>
          <DecimalField
            label="Provisioned GPU-hours per day"
            name="provisioned_gpu_hours_per_day"
            error={action.fields.provisioned_gpu_hours_per_day}
            hint="Empty: always on (GPUs × 24)"
            defaultValue={draft?.provisioned_gpu_hours_per_day ?? ''}
          />
          <DecimalField
            label="Input weight"
            name="input_weight"
            error={action.fields.input_weight}
            hint="An input token's cost relative to an output token"
            defaultValue={draft ? Number(draft.input_weight) : 0.25}
          />
          <Field label="Effective from" name="effective_from" error={action.fields.effective_from}>
            {(p) => <input {...p} type="date" className={inputClass} defaultValue={today()} />}
          </Field>
          <FormActions action={action} label="Save pool" pendingLabel="Saving and re-pricing…" wide />
        </form>
      </Panel>
    </div>
  );
}
