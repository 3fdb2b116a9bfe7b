'use client';

import { useId } from 'react';
import { addWebhook, removeWebhook } from './actions';
import { ActionStatusLine, buttonClass, inputClass, panelClass, secondaryButtonClass } from './action-status';
import { usePageAction } from './use-page-action';

export interface WebhookView {
  id: number;
  url: string;
  signed: boolean;
}

export interface DeliveryView {
  id: number;
  url: string;
  summary: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

const STATUS_TONE: Record<DeliveryView['status'], string> = {
  delivered: 'text-emerald-700 dark:text-emerald-400',
  pending: 'text-amber-700 dark:text-amber-400',
  failed: 'text-red-700 dark:text-red-400',
};

/** Where budget alerts go, and the log of what was sent (retried with backoff when a receiver fails); finance:write changes them. */
export function WebhooksPanel({
  webhooks,
  deliveries,
  canEdit,
}: {
  webhooks: WebhookView[];
  deliveries: DeliveryView[];
  canEdit: boolean;
}) {
  const id = useId();
  const { pending, status, run } = usePageAction();
  return (
    <section aria-labelledby="webhooks-heading" className={panelClass} data-testid="webhooks">
      <h2 id="webhooks-heading" className="text-tremor-default font-semibold text-tremor-content-strong">
        Alert webhooks
      </h2>
      <p className="mt-1 text-tremor-label">
        Each alert is POSTed as JSON; a receiver that is down is retried after 30 s, 2, 8 and 32 minutes and about 2
        hours, and never holds up ingest or this page. With a secret, bodies carry an <code>X-Cut-Signature</code>{' '}
        (HMAC-SHA256).
      </p>
      {webhooks.length === 0 ? (
        <p className="mt-3 text-tremor-default">No webhook yet: alerts are shown here only.</p>
      ) : (
        <ul className="mt-3 space-y-1">
          {webhooks.map((w) => (
            <li key={w.id} className="flex flex-wrap items-center gap-2 text-tremor-default">
              <code className="break-all">{w.url}</code>
              {w.signed ? <span className="text-tremor-label">(signed)</span> : null}
              {canEdit ? (
                <button
                  type="button"
                  disabled={pending}
                  className={secondaryButtonClass}
                  onClick={() => run(() => removeWebhook(w.id))}
                  aria-label={`Remove webhook ${w.url}`}
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form
          aria-label="Add a webhook"
          className="mt-3 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const target = e.currentTarget;
            run(
              () => addWebhook({ url: String(form.get('url') ?? ''), secret: String(form.get('secret') ?? '') }),
              () => target.reset(),
            );
          }}
        >
          <label htmlFor={`${id}-url`} className="flex grow flex-col text-tremor-label">
            URL
            <input id={`${id}-url`} name="url" placeholder="https://hooks.example.com/cut" className={inputClass} />
          </label>
          <label htmlFor={`${id}-secret`} className="flex flex-col text-tremor-label">
            Secret (optional)
            <input id={`${id}-secret`} name="secret" type="password" autoComplete="off" className={inputClass} />
          </label>
          <button type="submit" disabled={pending} className={buttonClass}>
            Add webhook
          </button>
        </form>
      ) : null}
      <ActionStatusLine status={status} />
      {deliveries.length ? (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-tremor-label">
            <caption className="mb-1 text-left font-medium text-tremor-content-emphasis">Recent deliveries</caption>
            <thead>
              <tr className="text-left">
                <th scope="col" className="px-2 py-1 font-medium">
                  Alert
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  Status
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  Attempts
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  Last error
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} className="border-t border-tremor-border-default">
                  <td className="px-2 py-1">{d.summary}</td>
                  <td className={`px-2 py-1 font-medium ${STATUS_TONE[d.status]}`}>{d.status}</td>
                  <td className="px-2 py-1 tabular-nums">{d.attempts}</td>
                  <td className="px-2 py-1">{d.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
