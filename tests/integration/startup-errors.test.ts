import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Each bad setting must give one line that says what is wrong and how to fix it, and exit 1,
// before anything slow (build, demo load) starts.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'cut-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const blocker = path.join(scratch, 'a-file');
writeFileSync(blocker, '');

function start(env: Record<string, string>) {
  const res = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/start.ts'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CUT_DATA_DIR: path.join(scratch, 'data'),
      PORT: '3991',
      ...env,
    } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stderr: res.stderr.trim(), stdout: res.stdout };
}

describe('npm start with bad settings', () => {
  it.each([
    [{ DATABASE_URL: 'not a url' }, /^cut: DATABASE_URL is not a valid URL: expected postgres:\/\//],
    [{ DATABASE_URL: 'mysql://root@127.0.0.1/x' }, /^cut: DATABASE_URL must start with postgres:\/\//],
    [{ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, /^cut: cannot reach the database at DATABASE_URL: /],
    // a regular file where a folder should be: unwritable even for root
    [
      { CUT_DATA_DIR: path.join(blocker, 'data') },
      /^cut: CUT_DATA_DIR \S+ cannot be created or written: choose a writable folder/,
    ],
    [{ PORT: 'eighty' }, /^cut: PORT must be a whole number from 1 to 65535, got "eighty"$/],
  ])('%j -> one clear line and exit 1', (env, message) => {
    const res = start(env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(message);
    expect(res.stderr.split('\n')).toHaveLength(1);
  });

  it('a port in use -> says so and suggests another', async () => {
    const listener = net.createServer();
    await new Promise<void>((resolve) => listener.listen(3992, '0.0.0.0', resolve));
    try {
      const res = start({ PORT: '3992' });
      expect(res.code).toBe(1);
      expect(res.stderr).toBe('cut: port 3992 is already in use: stop the program using it or start with PORT=3993');
    } finally {
      listener.close();
    }
  });
});
