/**
 * Fails when db/schema has changes that no committed migration holds: drizzle-kit generates into a
 * scratch copy of db/migrations, so the check never writes into the project.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// drizzle-kit reads `out` relative to the project, so the scratch copy lives in the ignored .test-data.
const scratch = path.join('.test-data', `migrations-check-${process.pid}`);
mkdirSync(scratch, { recursive: true });
try {
  const out = path.join(scratch, 'migrations');
  cpSync('db/migrations', out, { recursive: true });
  const config = path.join(scratch, 'drizzle.config.json');
  writeFileSync(config, JSON.stringify({ dialect: 'postgresql', schema: './db/schema/index.ts', out }));
  const res = spawnSync('node_modules/.bin/drizzle-kit', ['generate', '--config', config], { encoding: 'utf8' });
  // drizzle-kit can exit 0 after an error, so success is its own words.
  if (res.status !== 0 || !res.stdout.includes('No schema changes')) {
    process.stderr.write(`${res.stdout}${res.stderr}\n`);
    process.stderr.write(
      'db/schema and db/migrations differ: run `npm run db:generate -- --name <change>` and commit it\n',
    );
    process.exit(1);
  }
  process.stdout.write('migrations match the schema\n');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
