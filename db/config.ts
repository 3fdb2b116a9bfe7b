import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';

/** A configuration problem a person can fix; the CLI prints its message as one line and exits 1. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type DatabaseConfig = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/** Reads DATABASE_URL / CUT_DATA_DIR and checks them before anything is opened. */
export function databaseConfigFromEnv(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(
        'DATABASE_URL is not a valid URL: expected postgres://user:password@host:5432/database (or unset it to use embedded PGlite)',
      );
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
      throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got ${parsed.protocol}//`);
    }
    if (!parsed.hostname)
      throw new ConfigError('DATABASE_URL has no host: expected postgres://user@host:5432/database');
    return { kind: 'postgres', url };
  }
  // Resolved at run time from the environment; the bundler must not trace it.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.CUT_DATA_DIR?.trim() || './.data');
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch {
    throw new ConfigError(
      `CUT_DATA_DIR ${dataDir} cannot be created or written: choose a writable folder (CUT_DATA_DIR=/path) or fix its permissions`,
    );
  }
  return { kind: 'pglite', dataDir };
}

/** Describes a config without secrets, for logs. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'pglite') return `embedded PGlite in ${config.dataDir}`;
  const u = new URL(config.url);
  return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
