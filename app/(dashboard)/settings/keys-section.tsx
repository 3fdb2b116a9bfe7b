'use client';

import { useState, type FormEvent } from 'react';
import { Panel } from '@/components/panel';
import { DataTable } from '@/components/tables/data-table';
import { createIngestKey, revokeIngestKey } from './actions/keys';
import {
  Field,
  FormMessage,
  inputClass,
  optional,
  primaryButton,
  secondaryButton,
  text,
  useSettingsAction,
} from './form-bits';
import type { SettingsPageData } from './settings-data';

type Key = NonNullable<SettingsPageData['keys']>[number];
const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : 'never');

export function KeysSection({ keys, teams }: { keys: readonly Key[]; teams: SettingsPageData['teams'] }) {
  const create = useSettingsAction(createIngestKey);
  const revoke = useSettingsAction(revokeIngestKey);
  const [secret, setSecret] = useState<{ key: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [formKey, setFormKey] = useState(0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setCopied(false);
    create.run({ name: text(form.get('name')), team: optional(form.get('team')) }, (r) => {
      setSecret({ key: r.key, name: r.name });
      setFormKey((k) => k + 1);
      return `Created “${r.name}”.`;
    });
  }

  return (
    <div className="space-y-6">
      <Panel
        title="Create an ingest key"
        description="Applications send telemetry with it. Scoped to a team, it can only send that team's events."
        testId="key-form"
      >
        <form key={formKey} onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-3">
          <Field label="Name" name="name" error={create.fields.name} hint="What sends with it, e.g. support-bot">
            {(p) => <input {...p} className={inputClass} />}
          </Field>
          <Field label="Team (optional)" name="team" error={create.fields.team}>
            {(p) => (
              <select {...p} className={inputClass} defaultValue="">
                <option value="">Any team</option>
                {teams.map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="flex items-end gap-3">
            <button type="submit" className={primaryButton} disabled={create.pending}>
              {create.pending ? 'Creating…' : 'Create key'}
            </button>
          </div>
        </form>
        <div className="mt-3">
          <FormMessage error={create.error} done={null} />
        </div>
        {secret ? (
          <div
            role="status"
            className="mt-4 rounded-tremor-default border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
            data-testid="new-key"
          >
            <p className="font-medium text-tremor-content-strong">
              The key for “{secret.name}”, shown this once: only its hash is kept. Store it now.
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code className="break-all rounded-tremor-small bg-tremor-background-default px-2 py-1 font-mono text-tremor-default text-tremor-content-strong">
                {secret.key}
              </code>
              <button
                type="button"
                className={secondaryButton}
                onClick={() => void navigator.clipboard?.writeText(secret.key).then(() => setCopied(true))}
              >
                {copied ? 'Copied' : 'Copy'}
              </button>
              <button type="button" className={secondaryButton} onClick={() => setSecret(null)}>
                Done
              </button>
            </div>
          </div>
        ) : null}
      </Panel>

      <Panel title="Keys" description="Secrets are never shown again; the prefix tells keys apart." testId="keys">
        <DataTable<Key>
          caption="API keys"
          rows={keys}
          rowKey={(k) => String(k.id)}
          columns={[
            { key: 'name', header: 'Name', cell: (k) => k.name },
            { key: 'kind', header: 'Kind', cell: (k) => k.kind },
            { key: 'team', header: 'Team', cell: (k) => k.team ?? 'any' },
            { key: 'prefix', header: 'Prefix', cell: (k) => <code className="font-mono">{k.prefix}…</code> },
            { key: 'created', header: 'Created', cell: (k) => when(k.created_at) },
            { key: 'used', header: 'Last used', cell: (k) => when(k.last_used_at) },
            {
              key: 'state',
              header: 'State',
              cell: (k) =>
                k.revoked_at ? (
                  `revoked ${when(k.revoked_at)}`
                ) : k.kind === 'admin' ? (
                  'active'
                ) : (
                  <button
                    type="button"
                    className={secondaryButton}
                    disabled={revoke.pending}
                    aria-label={`Revoke key ${k.name}`}
                    onClick={() =>
                      window.confirm(`Revoke “${k.name}”? It stops working at once.`) &&
                      revoke.run(k.id, () => `Revoked “${k.name}”.`)
                    }
                  >
                    Revoke
                  </button>
                ),
            },
          ]}
        />
        <div className="mt-2">
          <FormMessage error={revoke.error} done={revoke.done} />
        </div>
      </Panel>
    </div>
  );
}
