import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getAudit } from '@/app/api/v1/audit/route';
import { POST as postKey } from '@/app/api/v1/keys/route';
import { GET as getMetrics } from '@/app/api/v1/metrics/route';
import { PUT as putSettings } from '@/app/api/v1/settings/route';
import { authFor } from '@/auth/instance';
import { setUserDisabled } from '@/auth/users';
import { accessApp, callAs, cookieFrom, emailOf, nextIp, ORIGIN, passwordOf, type AccessApp } from './support/access';

let app: AccessApp;
beforeAll(async () => {
  app = await accessApp();
});
afterAll(() => app.db.destroy());

/** Every row of every table of ours, as text: what someone holding a dump of the database can read. */
async function databaseDump(): Promise<string> {
  const tables = await app.db.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await app.db.query<{ row: string }>(`select row_to_json(t)::text as row from "${name}" t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}

const settle = (body: unknown) => callAs(putSettings, 'PUT', '/api/v1/settings', app.headers.admin, body);

describe('secrets are not recoverable from the database', () => {
  it('passwords are stored only as Better Auth scrypt hashes, and verify', async () => {
    const dump = await databaseDump();
    for (const role of ['admin', 'finance', 'ops', 'team_viewer']) expect(dump).not.toContain(passwordOf(role));
    const [row] = await app.db.query<{ password: string }>(
      `select a.password from auth_accounts a join auth_users u on u.id = a.user_id where u.email = $1`,
      [emailOf('finance')],
    );
    expect(row!.password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    const context = await authFor(app.db).$context;
    expect(await context.password.verify({ hash: row!.password, password: passwordOf('finance') })).toBe(true);
    expect(await context.password.verify({ hash: row!.password, password: 'wrong password here' })).toBe(false);
  });

  it('read tokens and ingest keys are stored as SHA-256 hashes only', async () => {
    const res = await callAs(postKey, 'POST', '/api/v1/keys', app.headers.admin_key, {
      kind: 'read',
      name: 'dashboard screen',
      role: 'ops',
    });
    expect(res.status).toBe(201);
    const { key, id } = (await res.json()) as { key: string; id: number };
    expect(key).toMatch(/^cut_read_/);
    const dump = await databaseDump();
    expect(dump).not.toContain(key);
    const [row] = await app.db.query<{ secret_hash: string }>(`select secret_hash from api_keys where id = $1`, [id]);
    expect(row!.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    const read = await callAs(getMetrics, 'GET', '/api/v1/metrics?from=2026-05-01&to=2026-05-01', {
      authorization: `Bearer ${key}`,
    });
    expect(read.status).toBe(200);
  });

  it('a session token copied from the database is refused: cookies are signed with a secret kept elsewhere', async () => {
    const [row] = await app.db.query<{ token: string }>(`select token from auth_sessions limit 1`);
    const forged = { cookie: `cut.session_token=${row!.token}` };
    const res = await callAs(getMetrics, 'GET', '/api/v1/metrics?from=2026-05-01&to=2026-05-01', forged);
    expect(res.status).toBe(401);
  });
});

describe('CSRF: a change riding on a session cookie must come from CUT itself', () => {
  const cookieOnly = () => ({ cookie: app.headers.admin.cookie! });

  it('same-origin (Fetch Metadata or Origin) passes', async () => {
    expect((await settle({ strict_registry: false })).status).toBe(200);
    const byOrigin = await callAs(
      putSettings,
      'PUT',
      '/api/v1/settings',
      { ...cookieOnly(), origin: ORIGIN },
      {
        strict_registry: false,
      },
    );
    expect(byOrigin.status).toBe(200);
  });

  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.test' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site', origin: 'https://sub.cut.test' }],
    ['a foreign Origin', { origin: 'https://evil.test' }],
    ['no Origin and no Fetch Metadata', {}],
  ])('%s is refused with 403 and changes nothing', async (_, extra) => {
    const before = await app.db.query(`select count(*)::int as n from audit_log`);
    const res = await callAs(
      putSettings,
      'PUT',
      '/api/v1/settings',
      { ...cookieOnly(), ...extra },
      {
        strict_registry: true,
      },
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/cross-site/);
    expect(await app.db.query(`select count(*)::int as n from audit_log`)).toEqual(before);
  });

  it('a cross-site read with the cookie is still a read (GET is never a change)', async () => {
    const res = await callAs(getMetrics, 'GET', '/api/v1/metrics?from=2026-05-01&to=2026-05-01', {
      ...cookieOnly(),
      'sec-fetch-site': 'cross-site',
    });
    expect(res.status).toBe(200);
  });

  it("Better Auth's own endpoints refuse a cross-site sign-out", async () => {
    const res = await authFor(app.db).handler(
      new Request(`${ORIGIN}/api/auth/sign-out`, {
        method: 'POST',
        headers: { cookie: app.headers.ops.cookie!, origin: 'https://evil.test', 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(res.status).toBe(403);
  });
});

describe('brute force on sign-in is slowed', () => {
  it('one address: the fourth attempt within 10 s is a 429', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await app.signIn(emailOf('ops'), `wrong guess ${i}`, { 'x-forwarded-for': ip })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('one account from many addresses: after 5 failures even the right password must wait', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await app.signIn(emailOf('finance'), `wrong guess ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const right = await app.signIn(emailOf('finance'), passwordOf('finance'));
    expect(right.status).toBe(429);
    expect(await right.text()).toMatch(/try again in \d+ s/);
    // another account is not affected
    expect((await app.signIn(emailOf('ops'), passwordOf('ops'))).status).toBe(200);
  });
});

describe('audit names the acting person or key', () => {
  it('sign-ins, failed sign-ins, a session change and a key event', async () => {
    expect((await settle({ ingest_rate_limit_per_minute: 1234 })).status).toBe(200);
    await app.signIn(emailOf('team_viewer'), 'not the password at all');
    await callAs(postKey, 'POST', '/api/v1/keys', app.headers.admin_key, { name: 'audited sender' });
    const session = cookieFrom(await app.signIn(emailOf('admin'), passwordOf('admin')));
    const signOut = await authFor(app.db).handler(
      new Request(`${ORIGIN}/api/auth/sign-out`, {
        method: 'POST',
        headers: { cookie: session, origin: ORIGIN, 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(signOut.status).toBe(200);
    const res = await callAs(getAudit, 'GET', '/api/v1/audit?limit=1000', app.headers.admin_key);
    const { entries } = (await res.json()) as { entries: Array<Record<string, unknown>> };
    const has = (actor: string, action: string, entity: string) =>
      entries.some((e) => e.actor === actor && e.action === action && e.entity === entity);
    expect(has('user:admin@cut.test', 'login', 'session')).toBe(true);
    expect(has('anonymous', 'login_failed', 'session')).toBe(true);
    expect(has('user:admin@cut.test', 'logout', 'session')).toBe(true);
    expect(has('user:admin@cut.test', 'update', 'setting')).toBe(true);
    expect(entries.some((e) => (e.actor as string).startsWith('key:') && e.entity === 'api_key')).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('not the password at all');
  });
});

describe('sessions end when access does', () => {
  it('a disabled person is signed out at once and cannot sign in again', async () => {
    const signedIn = await app.signIn(emailOf('ops'), passwordOf('ops'));
    const cookie = cookieFrom(signedIn);
    const read = () => callAs(getMetrics, 'GET', '/api/v1/metrics?from=2026-05-01&to=2026-05-01', { cookie });
    expect((await read()).status).toBe(200);
    const [user] = await app.db.query<{ id: string }>(`select id from auth_users where email = $1`, [emailOf('ops')]);
    await setUserDisabled(app.db, user!.id, true, 'test');
    expect((await read()).status).toBe(401);
    expect((await app.signIn(emailOf('ops'), passwordOf('ops'))).status).not.toBe(200);
    await setUserDisabled(app.db, user!.id, false, 'test');
  });
});

describe('no secret in logs', () => {
  it('signing in, failing to, and creating keys print no password or key', async () => {
    const printed: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' '))),
    );
    try {
      await app.signIn(emailOf('admin'), 'a wrong password to hide');
      await app.signIn(emailOf('admin'), passwordOf('admin'));
      const res = await callAs(postKey, 'POST', '/api/v1/keys', app.headers.admin_key, { name: 'quiet' });
      const { key } = (await res.json()) as { key: string };
      const all = printed.join('\n');
      for (const secret of ['a wrong password to hide', passwordOf('admin'), key, app.headers.admin.cookie!]) {
        expect(all).not.toContain(secret);
      }
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });
});
