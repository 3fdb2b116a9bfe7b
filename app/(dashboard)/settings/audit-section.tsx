import { Panel } from '@/components/panel';
import { DataTable } from '@/components/tables/data-table';
import type { SettingsPageData } from './settings-data';

type Entry = SettingsPageData['audit'][number];

/** A change as one short line: the fields that differ, before → after. */
function changeText(e: Entry): string {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !['id', 'created_at'].includes(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  if (!e.before) return keys.map((k) => `${k}: ${show(after[k])}`).join(', ');
  if (!e.after) return 'removed';
  return keys.map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`).join(', ');
}

export function AuditSection({ entries }: { entries: readonly Entry[] }) {
  return (
    <Panel
      title="Audit log"
      description="Every change to the price book, settings and keys: who, when, before and after. The newest 100."
      testId="audit"
    >
      <DataTable<Entry>
        caption="Configuration changes"
        rows={entries}
        rowKey={(e) => String(e.id)}
        columns={[
          { key: 'at', header: 'When (UTC)', cell: (e) => e.at.slice(0, 19).replace('T', ' ') },
          { key: 'actor', header: 'Who', cell: (e) => e.actor },
          {
            key: 'what',
            header: 'What',
            cell: (e) => `${e.action} ${e.entity}${e.entity_id ? ` #${e.entity_id}` : ''}`,
          },
          {
            key: 'change',
            header: 'Change',
            cell: (e) => <span className="line-clamp-2 max-w-xl break-all text-tremor-label">{changeText(e)}</span>,
          },
        ]}
      />
    </Panel>
  );
}
