import { ConfigError, describeDatabase, type DatabaseConfig } from '../../db/config';
import { describeError } from '../../db/client';

/** Prints one line a person can act on and exits non-zero; no stack traces for known problems. */
function fail(message: string): never {
  process.stderr.write(`cut: ${message}\n`);
  process.exit(1);
}

/** Turns a startup error into that one line: config problems as they are, the rest with context. */
export function failStartup(err: unknown, config?: DatabaseConfig): never {
  if (err instanceof ConfigError) fail(err.message);
  const where = config ? ` (${describeDatabase(config)})` : '';
  fail(`could not start${where}: ${describeError(err)}`);
}
