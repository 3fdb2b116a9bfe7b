import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { ConfigError, databaseConfigFromEnv } from '@/db/config';
import { acquireDataDirLock } from '@/db/pglite-lock';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'cut-db-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('databaseConfigFromEnv', () => {
  it('DATABASE_URL set -> PostgreSQL; unset -> PGlite in CUT_DATA_DIR (created if missing)', () => {
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgres://u@h:5432/d' })).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h:5432/d',
    });
    const dir = path.join(scratch, 'nested', 'data');
    expect(databaseConfigFromEnv({ CUT_DATA_DIR: dir })).toEqual({ kind: 'pglite', dataDir: dir });
  });
  it('a URL without a host is refused', () => {
    expect(() => databaseConfigFromEnv({ DATABASE_URL: 'postgres:///nohost' })).toThrow(ConfigError);
  });
});

describe('one process per embedded database folder', () => {
  it('a second open of the same folder is refused with a clear message, and allowed after close', async () => {
    const dir = path.join(scratch, 'locked');
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(/already open in this process/);
    await first.close();
    const again = await openDatabase({ kind: 'pglite', dataDir: dir });
    await again.close();
  });

  it('a folder held by another live process is refused, naming that process', () => {
    const dir = path.join(scratch, 'other');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'cut.lock'), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(`in use by process ${process.ppid}`);
  });

  it('a stale lock left by a dead process is taken over', () => {
    const dir = path.join(scratch, 'stale');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'cut.lock'), '2147483646');
    const release = acquireDataDirLock(dir);
    release();
  });
});
