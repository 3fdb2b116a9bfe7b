'use client';

import { useState, type FormEvent } from 'react';
import { Panel } from '@/components/panel';
import * as f from '@/lib/dashboard/format';
import { savePrice } from './actions/pricebook';
import {
  Field,
  inputClass,
  optional,
  secondaryButton,
  TableHead,
  text,
  useSettingsAction,
  DecimalField,
  VersionHistory,
  FormActions,
} from './form-bits';
import type { SettingsPageData } from './settings-data';

type Price = SettingsPageData['prices'][number];
const today = () => new Date().toISOString().slice(0, 10);

/** Versions per provider and model (names match without case), newest first; the one in force marked. */
function groupPrices(prices: readonly Price[]) {
  const groups = new Map<string, Price[]>();
  for (const p of prices) {
    const key = `${p.provider.toLowerCase()}/${p.model.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].map((versions) => {
    const sorted = [...versions].sort((a, b) => (a.effective_from < b.effective_from ? 1 : -1));
    return { current: sorted.find((v) => v.in_force) ?? sorted[0]!, versions: sorted };
  });
}

const per1m = (v: string | null) => (v === null ? 'as output' : f.price(v));

/** The price form's four rates, in the order the price table shows them. */
const RATE_FIELDS = [
  { name: 'input_usd_per_1m', label: 'Input, USD per 1M tokens' },
  { name: 'cached_input_usd_per_1m', label: 'Cached input, USD per 1M tokens' },
  { name: 'output_usd_per_1m', label: 'Output, USD per 1M tokens' },
  { name: 'reasoning_usd_per_1m', label: 'Reasoning, USD per 1M tokens', hint: 'Empty: the output price' },
] as const;

export function PricesSection({ prices }: { prices: readonly Price[] }) {
  const [draft, setDraft] = useState<Partial<Price> | null>(null);
  const [formKey, setFormKey] = useState(0);
  const action = useSettingsAction(savePrice);
  const groups = groupPrices(prices);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    action.run(
      {
        provider: text(form.get('provider')),
        model: text(form.get('model')),
        match: text(form.get('match')),
        input_usd_per_1m: text(form.get('input_usd_per_1m')),
        cached_input_usd_per_1m: text(form.get('cached_input_usd_per_1m')),
        output_usd_per_1m: text(form.get('output_usd_per_1m')),
        reasoning_usd_per_1m: optional(form.get('reasoning_usd_per_1m')) ?? null,
        effective_from: text(form.get('effective_from')),
        source: optional(form.get('source')) ?? null,
      },
      (r) =>
        `${r.created ? 'Added' : 'Replaced'} the price of ${r.price.provider}/${r.price.model} from ${r.price.effective_from.slice(0, 10)}.`,
    );
  }
  const edit = (p: Price) => {
    setDraft(p);
    setFormKey((k) => k + 1);
    document.getElementById('price-form')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <div className="space-y-6">
      <Panel
        title="Model prices"
        description="USD per 1M tokens for managed APIs, versioned by the date they take effect. Each call is priced with the version in force at its timestamp; a change re-prices the days it affects."
        testId="prices"
      >
        <div className="overflow-x-auto">
          <table className="w-full text-left text-tremor-default" data-testid="prices-table">
            <caption className="sr-only">Model prices in force, with their history</caption>
            <TableHead
              columns={[
                'Provider / model',
                { label: 'Input', right: true },
                { label: 'Cached input', right: true },
                { label: 'Output', right: true },
                'In force from',
                'Source',
              ]}
            />
            <tbody>
              {groups.map(({ current, versions }) => (
                <tr key={current.id} className="border-b border-tremor-border-default align-top last:border-0">
                  <th scope="row" className="px-2 py-2 font-medium text-tremor-content-strong">
                    {current.provider} / {current.model}
                    {current.match === 'pattern' ? (
                      <span className="ml-1 text-tremor-label text-tremor-content-default">(pattern)</span>
                    ) : null}
                    <VersionHistory
                      versions={versions}
                      line={(v) => (
                        <>
                          from {v.effective_from.slice(0, 10)}: {f.price(v.input_usd_per_1m)} /{' '}
                          {f.price(v.cached_input_usd_per_1m)} / {f.price(v.output_usd_per_1m)}
                          {v.in_force ? ' (in force)' : ''}
                        </>
                      )}
                    />
                  </th>
                  <td className="px-2 py-2 text-right tabular-nums">{f.price(current.input_usd_per_1m)}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{f.price(current.cached_input_usd_per_1m)}</td>
                  <td className="px-2 py-2 text-right tabular-nums">
                    {f.price(current.output_usd_per_1m)}
                    {current.reasoning_usd_per_1m !== null ? (
                      <span className="block text-tremor-label">reasoning {per1m(current.reasoning_usd_per_1m)}</span>
                    ) : null}
                  </td>
                  <td className="px-2 py-2">{current.effective_from.slice(0, 10)}</td>
                  <td className="max-w-48 truncate px-2 py-2 text-tremor-label" title={current.source ?? undefined}>
                    {current.source ?? f.NONE}
                  </td>
                  <td className="px-2 py-2 text-right">
                    <button
                      type="button"
                      className={secondaryButton}
                      onClick={() => edit(current)}
                      aria-label={`New price for ${current.provider}/${current.model}`}
                    >
                      New price
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-2 text-tremor-label text-tremor-content-default">All prices in USD per 1M tokens.</p>
      </Panel>

      <Panel title={draft ? `New price for ${draft.provider}/${draft.model}` : 'Add a price'} testId="price-form-panel">
        <form
          id="price-form"
          key={formKey}
          onSubmit={submit}
          noValidate
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
        >
          <Field label="Provider" name="provider" error={action.fields.provider}>
            {(p) => <input {...p} className={inputClass} defaultValue={draft?.provider ?? ''} required />}
          </Field>
          <Field
            label="Model"
            name="model"
            error={action.fields.model}
            hint="Exact name, or a pattern with * wildcards"
          >
            {(p) => <input {...p} className={inputClass} defaultValue={draft?.model ?? ''} required />}
          </Field>
          <Field label="Match" name="match" error={action.fields.match}>
            {(p) => (
              <select {...p} className={inputClass} defaultValue={draft?.match ?? 'exact'}>
                <option value="exact">Exact name</option>
                <option value="pattern">Pattern (*)</option>
              </select>
            )}
          </Field>
          <Field
            label="Effective from"
            name="effective_from"
            error={action.fields.effective_from}
            hint="Midnight UTC of this day"
          >
            {(p) => <input {...p} type="date" className={inputClass} defaultValue={today()} required />}
          </Field>
          {RATE_FIELDS.map((rate) => (
            <DecimalField
              key={rate.name}
              {...rate}
              error={action.fields[rate.name]}
              defaultValue={draft?.[rate.name] ?? ''}
            />
          ))}
          <div className="sm:col-span-2 lg:col-span-4">
            <Field
              label="Source"
              name="source"
              error={action.fields.source}
              hint="Where the price comes from, for whoever checks it later"
            >
              {(p) => <input {...p} className={inputClass} defaultValue={draft?.source ?? ''} />}
            </Field>
          </div>
          <FormActions action={action} label="Save price" pendingLabel="Saving and re-pricing…" wide>
            {draft ? (
              <button
                type="button"
                className={secondaryButton}
                onClick={() => (setDraft(null), setFormKey((k) => k + 1))}
              >
                Clear
              </button>
            ) : null}
          </FormActions>
        </form>
      </Panel>
    </div>
  );
}
