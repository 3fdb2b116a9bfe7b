import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config';

/**
 * PGlite has no cross-process lock and two processes on one folder silently lose committed rows,
 * so the owning process holds a pid file next to the data; a live owner makes a second opener fail.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'cut.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new ConfigError(
          `the embedded database in ${dataDir} is in use by process ${owner}: stop that process, or set CUT_DATA_DIR to another folder (or DATABASE_URL to a PostgreSQL server)`,
        );
      }
      if (owner === process.pid) {
        throw new ConfigError(`the embedded database in ${dataDir} is already open in this process`);
      }
      unlinkSync(lockPath); // stale: its owner died without cleaning up
    }
  }
  throw new ConfigError(`could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
