import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// No Docker engine runs where the tests do, so the files are checked as data.
interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test: string[]; interval: string; retries: number };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const dockerfile = readFileSync('Dockerfile', 'utf8');

describe('docker-compose.yml', () => {
  const { db, app } = compose.services;

  it('runs PostgreSQL 16 on a named volume with a pg_isready healthcheck', () => {
    expect(db?.image).toMatch(/^postgres:16/);
    expect(db?.volumes?.[0]).toMatch(/^pgdata:\/var\/lib\/postgresql\/data$/);
    expect(Object.keys(compose.volumes)).toContain('pgdata');
    expect(db?.healthcheck?.test.join(' ')).toContain('pg_isready');
  });

  it('builds the app, points DATABASE_URL at the db service and waits for it to be healthy', () => {
    expect(app?.build).toBe('.');
    const url = new URL(app!.environment!.DATABASE_URL!.replace(/\$\{[^}]+\}/g, 'x'));
    expect(url.protocol).toBe('postgres:');
    expect(url.hostname).toBe('db');
    expect(url.pathname).toBe(`/${db!.environment!.POSTGRES_DB}`);
    expect(app?.depends_on?.db?.condition).toBe('service_healthy');
    expect(app?.ports?.[0]).toMatch(/:3000$/);
  });
});

describe('Dockerfile', () => {
  it('is multi-stage and runs as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const user = dockerfile.match(/^USER (\S+)/m)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toBe('root');
  });
  it('installs from the lockfile and never rebuilds at run time', () => {
    expect(dockerfile).toContain('npm ci');
    expect(dockerfile).toMatch(/CUT_SKIP_BUILD=1/);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/api\/health/);
  });
});
