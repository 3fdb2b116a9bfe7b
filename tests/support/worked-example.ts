import type { CutEvent } from '@/lib/events/event';
import { makeEvent, makePool, makePrice, usdPer1m } from './events';

/**
 * The worked example of cut-model.md 6: pool h100-a (1 GPU at USD 4.00/GPU-hour, always on);
 * 1,000 one-call workflows on it (800 accepted) and 200 evaluation calls on a managed judge.
 */
export const WORKED_DAY = '2026-05-04';

export const workedExampleBook = {
  pools: [makePool()],
  modelPrices: [makePrice({ model: 'judge', inputPer1m: usdPer1m('1'), outputPer1m: usdPer1m('4') })],
};

export function workedExampleEvents(): CutEvent[] {
  const events: CutEvent[] = [];
  for (let i = 0; i < 1000; i++) {
    events.push(
      makeEvent({
        id: `g${i}`,
        timestamp: new Date(`${WORKED_DAY}T${String(i % 23).padStart(2, '0')}:00:00Z`),
        pool: 'h100-a',
        provider: 'self-hosted',
        model: 'llama',
        inputTokens: 2000,
        retrievedTokens: 500,
        outputTokens: 400,
        reasoningTokens: 100,
        gpuHours: '0.006',
        acceptanceStatus: i < 800 ? 'accepted' : 'rejected',
        latencyMs: 200 + i,
      }),
    );
  }
  for (let i = 0; i < 200; i++) {
    events.push(
      makeEvent({
        id: `j${i}`,
        workflowId: `g${i}`,
        timestamp: new Date(`${WORKED_DAY}T23:30:00Z`),
        model: 'judge',
        stage: 'evaluation',
        inputTokens: 500,
        outputTokens: 50,
      }),
    );
  }
  return events;
}
