import { databaseConfigFromEnv } from './config';
import { openDatabase, type Database } from './client';
import { migrate } from './migrate';

/**
 * The process-wide database. `npm start` opens, migrates and seeds it before Next serves and
 * registers it here; route handlers in any bundle find it on globalThis. Outside that server
 * (next dev), the first caller opens it from the environment.
 */
const KEY = Symbol.for('cut.database');
type Holder = { [KEY]?: Promise<Database> };

export function setDatabase(db: Database): void {
  (globalThis as Holder)[KEY] = Promise.resolve(db);
}

export function getDatabase(): Promise<Database> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const db = await openDatabase(databaseConfigFromEnv());
    await migrate(db);
    return db;
  })().catch((err) => {
    delete holder[KEY];
    throw err;
  });
  return holder[KEY];
}
