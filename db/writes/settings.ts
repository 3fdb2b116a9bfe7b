import type { Database } from '../client';

/** Marks the price book as changed; part of the change's own transaction. */
export async function bumpPricebookVersion(tx: Database): Promise<void> {
  await tx.query(
    `insert into settings (key, value) values ('pricebook_version', '1'::jsonb)
     on conflict (key) do update set value = to_jsonb(settings.value::text::bigint + 1), updated_at = now()`,
  );
}
