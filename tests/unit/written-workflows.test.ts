import { beforeEach, describe, expect, it } from 'vitest';
import {
  directCopyWent,
  forgetWrittenWorkflows,
  rememberWritten,
  tryDirectCopy,
  wasWritten,
} from '@/db/writes/written-workflows';
import type { WorkflowDelta } from '@/lib/rollup/aggregate';

const workflow = (team: string, workflowId: string) => ({ team, workflowId }) as WorkflowDelta;

beforeEach(() => forgetWrittenWorkflows());

describe('workflows written lately (which a merge takes for new)', () => {
  it('remembers a workflow by team and id: the same id in another team is another workflow', () => {
    rememberWritten([workflow('alpha', 'w1')]);
    expect(wasWritten('alpha', 'w1')).toBe(true);
    expect(wasWritten('beta', 'w1')).toBe(false);
    expect(wasWritten('alpha', 'w2')).toBe(false);
  });

  it('keeps the previous generation of 20,000 and lets the one before it go', () => {
    const many = (prefix: string) => Array.from({ length: 20_000 }, (_, i) => workflow('t', `${prefix}${i}`));
    rememberWritten(many('a'));
    rememberWritten(many('b'));
    expect(wasWritten('t', 'a0')).toBe(true);
    expect(wasWritten('t', 'b19999')).toBe(true);
    rememberWritten([workflow('t', 'c0')]);
    expect(wasWritten('t', 'a0')).toBe(false);
    expect(wasWritten('t', 'b0')).toBe(true);
    expect(wasWritten('t', 'c0')).toBe(true);
  });

  it('counts a workflow remembered twice once toward its generation', () => {
    const run = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => workflow('t', `${prefix}${i}`));
    rememberWritten(run('a', 19_999));
    rememberWritten(run('a', 19_999)); // repeats: had they counted, the a's would be gone below
    rememberWritten([workflow('t', 'b0')]); // the 20,000th
    rememberWritten([workflow('t', 'c0')]); // a new generation: the a's and b0 are the previous one
    rememberWritten(run('y', 19_999)); // fills the new one, which holds c0 too
    expect(wasWritten('t', 'a0')).toBe(true);
    rememberWritten([workflow('t', 'z0')]);
    expect(wasWritten('t', 'a0')).toBe(false);
  });
});

describe('backing off from the direct COPY after it met a stored workflow', () => {
  const skipsAfter = () => {
    let skipped = 0;
    while (!tryDirectCopy()) skipped++;
    return skipped;
  };

  it('skips 1, 2, 4 ... merges after failures in a row, at most 64, and none after a success', () => {
    expect(tryDirectCopy()).toBe(true);
    const skips = [];
    for (let i = 0; i < 8; i++) {
      directCopyWent(false);
      skips.push(skipsAfter());
    }
    expect(skips).toEqual([1, 2, 4, 8, 16, 32, 64, 64]);
    directCopyWent(true);
    expect(tryDirectCopy()).toBe(true);
    directCopyWent(false);
    expect(skipsAfter()).toBe(1);
  });
});
