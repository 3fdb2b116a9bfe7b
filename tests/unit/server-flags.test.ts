import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../scripts/lib/server-flags';

const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const dockerCmd = /^CMD (\[.*\])$/m.exec(readFileSync('Dockerfile', 'utf8'))![1]!;

describe('the server runs with the same V8 flags wherever it is started', () => {
  it.each(SERVER_NODE_FLAGS)(
    '%s: npm start, the Docker image and bench:metrics (which measures ingest in-process)',
    (flag) => {
      expect(scripts.start!.split(' ')).toContain(flag);
      expect(JSON.parse(dockerCmd) as string[]).toContain(flag);
      expect(scripts['bench:metrics']!.split(' ')).toContain(flag);
    },
  );
});
