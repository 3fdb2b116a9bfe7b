import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from './support/database';
import { event, expectError, ingestApp, type IngestApp } from './support/ingest-app';

let db: TestDatabase;
let app: IngestApp;

beforeAll(async () => {
  db = await freshDatabase();
  app = await ingestApp(db);
});
afterAll(() => db.destroy());

interface CreatedKey {
  id: number;
  key: string;
  prefix: string;
  kind: string;
  name: string;
  team: string | null;
  created_at: string;
}

async function createKey(body: Record<string, unknown>): Promise<CreatedKey> {
  const res = await app.post('/api/v1/keys', body, { key: app.adminKey });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedKey;
}

const rowText = async (id: number) => {
  const [row] = await db.query<{ json: string }>('select row_to_json(k)::text as json from api_keys k where id = $1', [
    id,
  ]);
  return row!.json;
};
const auditRows = (id: number) =>
  db.query<{ actor: string; action: string; json: string }>(
    `select actor, action, row_to_json(a)::text as json from audit_log a
      where entity = 'api_key' and entity_id = $1 order by id`,
    [String(id)],
  );

describe('POST /api/v1/keys', () => {
  it('creates an ingest key and shows its secret once', async () => {
    const created = await createKey({ name: 'billing pipeline' });
    expect(created).toEqual({
      id: expect.any(Number),
      key: expect.stringMatching(/^cut_ingest_[A-Za-z0-9_-]{40,}$/),
      prefix: created.key.slice(0, created.prefix.length),
      kind: 'ingest',
      name: 'billing pipeline',
      team: null,
      role: null,
      teams: null,
      created_at: expect.any(String),
    });
    expect(Number.isNaN(Date.parse(created.created_at))).toBe(false);
    const res = await app.post('/api/v1/events', { events: [event()] }, { key: created.key });
    expect(res.status).toBe(200);
  });

  it('stores only a hash: the secret is nowhere in its row or its audit entry', async () => {
    const created = await createKey({ name: 'hash only', team: 'support' });
    const secretPart = created.key.slice(created.prefix.length);
    const [row] = await db.query<{ secret_hash: string; team: string }>(
      'select secret_hash, team from api_keys where id = $1',
      [created.id],
    );
    expect(row).toEqual({ secret_hash: createHash('sha256').update(created.key).digest('hex'), team: 'support' });
    for (const text of [await rowText(created.id), ...(await auditRows(created.id)).map((r) => r.json)]) {
      expect(text).not.toContain(created.key);
      expect(text).not.toContain(secretPart);
      expect(text).not.toContain(secretPart.slice(0, 16));
    }
  });

  it.each([
    ['no name', {}],
    ['an empty name', { name: '' }],
    ['an unknown field', { name: 'x', scope: 'all' }],
    ['a team that is not a slug', { name: 'x', team: 'Team A' }],
    ['a kind of its own choosing', { name: 'x', kind: 'admin' }],
    ['a read token without a role', { name: 'x', kind: 'read' }],
    ['a read token with an unknown role', { name: 'x', kind: 'read', role: 'boss' }],
    ['a team_viewer read token without teams', { name: 'x', kind: 'read', role: 'team_viewer' }],
  ])('400 for %s, and no key made', async (_, body) => {
    const before = await db.query<{ n: number }>('select count(*)::int as n from api_keys');
    await expectError(await app.post('/api/v1/keys', body, { key: app.adminKey }), 400);
    expect(await db.query<{ n: number }>('select count(*)::int as n from api_keys')).toEqual(before);
  });
});

describe('GET /api/v1/keys', () => {
  it('lists every key without its secret or hash', async () => {
    const created = await createKey({ name: 'listed', team: 'research' });
    const res = await app.get('/api/v1/keys', { key: app.adminKey });
    expect(res.status).toBe(200);
    const text = await res.text();
    const [row] = await db.query<{ secret_hash: string }>('select secret_hash from api_keys where id = $1', [
      created.id,
    ]);
    expect(text).not.toContain(created.key);
    expect(text).not.toContain(row!.secret_hash);
    const { keys } = JSON.parse(text) as { keys: Array<Record<string, unknown>> };
    expect(keys.map((k) => k.kind).sort()).toContain('admin');
    expect(keys.find((k) => k.id === created.id)).toEqual({
      id: created.id,
      kind: 'ingest',
      name: 'listed',
      team: 'research',
      role: null,
      teams: null,
      prefix: created.prefix,
      created_at: created.created_at,
      last_used_at: null,
      revoked_at: null,
    });
    for (const k of keys) for (const field of ['key', 'secret', 'secret_hash']) expect(k).not.toHaveProperty(field);
  });
});

describe('DELETE /api/v1/keys/{id}', () => {
  it('revokes (204), then answers 404; the key stops working and the list says when', async () => {
    const created = await createKey({ name: 'to revoke' });
    const first = await app.del(`/api/v1/keys/${created.id}`, { key: app.adminKey });
    expect(first.status).toBe(204);
    expect(await first.text()).toBe('');
    await expectError(await app.del(`/api/v1/keys/${created.id}`, { key: app.adminKey }), 404, 'not_found');
    await expectError(await app.post('/api/v1/events', { events: [event()] }, { key: created.key }), 401);

    const { keys } = (await (await app.get('/api/v1/keys', { key: app.adminKey })).json()) as {
      keys: Array<{ id: number; revoked_at: string | null }>;
    };
    expect(keys.find((k) => k.id === created.id)?.revoked_at).toEqual(expect.any(String));
  });

  it('404 for a key that never existed, 400 for an id that is not one', async () => {
    await expectError(await app.del('/api/v1/keys/999999', { key: app.adminKey }), 404, 'not_found');
    await expectError(await app.del('/api/v1/keys/abc', { key: app.adminKey }), 400);
    await expectError(await app.del('/api/v1/keys/-1', { key: app.adminKey }), 400);
  });
});

describe('audit log', () => {
  it('records who created and who revoked a key', async () => {
    const created = await createKey({ name: 'audited', team: 'support' });
    expect((await app.del(`/api/v1/keys/${created.id}`, { key: app.adminKey })).status).toBe(204);
    const rows = await auditRows(created.id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'revoke']);
    const [adminRow] = await db.query<{ id: number }>(`select id::int as id from api_keys where kind = 'admin'`);
    for (const r of rows) expect(r.actor).toBe(`key:${adminRow!.id}`);
    const [create, revoke] = rows.map((r) => JSON.parse(r.json) as { before: unknown; after: unknown });
    expect(create!.after).toMatchObject({ kind: 'ingest', name: 'audited', team: 'support' });
    expect(revoke!.before).toMatchObject({ id: created.id, name: 'audited' });
    expect(revoke!.after).toBeNull();
  });
});
