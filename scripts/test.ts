/**
 * `npm test`: every check and suite, in order, with a count per suite and one closing line.
 * It chooses which suites run (the tests never skip themselves): integration runs on PGlite
 * always and on PostgreSQL when TEST_DATABASE_URL is set; e2e needs Chromium and fails without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

interface Suite {
  name: string;
  passed: number;
  failed: number;
  note?: string;
}

const root = process.cwd();
const out = path.join(root, 'test-results', 'counts');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const suites: Suite[] = [];
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const wanted = (name: string) => only.length === 0 || only.some((o) => name.startsWith(o));

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, cwd: root });
  return res.status ?? 1;
}

function banner(text: string) {
  process.stdout.write(`\n━━ ${text} ${'━'.repeat(Math.max(0, 70 - text.length))}\n`);
}

function verify() {
  const checks: Array<[string, string, string[]]> = [
    ['format', 'prettier', ['--check', '--log-level', 'warn', '.']],
    ['lint', 'eslint', ['--max-warnings', '0', '.']],
    ['typecheck', 'tsc', ['--noEmit']],
    ['dead code', 'knip', ['--no-progress']],
    ['migrations match schema', 'tsx', ['scripts/check-migrations.ts']],
  ];
  for (const [name, bin, args] of checks) {
    banner(`verify: ${name}`);
    const ok = run(path.join(root, 'node_modules', '.bin', bin), args) === 0;
    suites.push({ name: `verify: ${name}`, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  }
}

function vitest(name: string, project: string, env: Record<string, string> = {}) {
  banner(name);
  const file = path.join(out, `${name.replace(/\W+/g, '-')}.json`);
  const code = run(
    path.join(root, 'node_modules', '.bin', 'vitest'),
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${file}`],
    env,
  );
  suites.push(countVitest(name, file, code));
}

function countVitest(name: string, file: string, code: number): Suite {
  if (!existsSync(file)) return { name, passed: 0, failed: 1, note: `runner exited ${code} before reporting` };
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numTotalTests: number;
  };
  const failed = r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0);
  return { name, passed: r.numPassedTests, failed, note: r.numTotalTests === 0 ? 'no tests found' : undefined };
}

function e2e() {
  banner('e2e (Playwright, Chromium)');
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    suites.push({
      name: 'e2e',
      passed: 0,
      failed: 1,
      note: `no browser at ${chromium}: install Chromium (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH`,
    });
    return;
  }
  const file = path.join(out, 'e2e.json');
  const code = run(path.join(root, 'node_modules', '.bin', 'playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  });
  if (!existsSync(file)) {
    suites.push({ name: 'e2e', passed: 0, failed: 1, note: `playwright exited ${code} before reporting` });
    return;
  }
  const { stats } = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  const failed = stats.unexpected + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
  suites.push({ name: 'e2e', passed: stats.expected + stats.flaky, failed });
}

if (wanted('verify')) verify();
if (wanted('unit')) vitest('unit', 'unit');
if (wanted('integration')) {
  vitest('integration (PGlite)', 'integration', { CUT_TEST_ENGINE: 'pglite' });
  if (process.env.TEST_DATABASE_URL) {
    vitest('integration (PostgreSQL)', 'integration', { CUT_TEST_ENGINE: 'postgres' });
  } else {
    process.stdout.write(
      '\nintegration (PostgreSQL): not run: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)\n',
    );
  }
}
if (wanted('e2e')) e2e();

banner('summary');
for (const s of suites) {
  const status = s.failed ? 'FAIL' : 'ok  ';
  process.stdout.write(
    `${status} ${s.name.padEnd(28)} ${String(s.passed).padStart(5)} passed ${String(s.failed).padStart(3)} failed${s.note ? `  (${s.note})` : ''}\n`,
  );
}
const passed = suites.reduce((a, s) => a + s.passed, 0);
const failed = suites.reduce((a, s) => a + s.failed, 0);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || suites.length === 0 ? 1 : 0);
