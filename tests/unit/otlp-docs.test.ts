import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUT, CUT_TAG_PREFIX, DEFAULT_TEAM, DEFAULT_WORKLOAD_CLASS } from '@/ingest/otlp/conventions';

const page = readFileSync(path.join(import.meta.dirname, '../../docs/send-telemetry.md'), 'utf8');

describe('docs/send-telemetry.md', () => {
  it.each(Object.values(CUT))('documents %s in the table of CUT attributes', (name) => {
    expect(page).toMatch(new RegExp(`^\\| \`${name.replace('.', '\\.')}\` +\\|`, 'm'));
  });

  it('documents the free tags and the defaults', () => {
    expect(page).toContain(`\`${CUT_TAG_PREFIX}<name>\``);
    expect(page).toContain(`\`${DEFAULT_TEAM}\``);
    expect(page).toContain(`\`${DEFAULT_WORKLOAD_CLASS}\``);
  });

  it('is linked from the README', () => {
    const readme = readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain('(docs/send-telemetry.md)');
  });
});
