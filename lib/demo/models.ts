/**
 * How each model the demo calls behaves: where it runs, how fast it reads and writes, how often it
 * needs a retry. Speeds are single-stream figures of the order providers show; they shape latency only.
 */
import { H100_POOL, L40S_POOL } from './price-list';

export interface ModelProfile {
  provider: string;
  model: string;
  modelVersion: string | null;
  pool: string | null;
  /** prompt tokens read per second */
  prefillPerSec: number;
  /** output tokens written per second */
  decodePerSec: number;
  /** fixed time to first token before the prompt is read, ms */
  baseTtftMs: number;
  /** chance that a call needed at least one retry on an ordinary day */
  retryRate: number;
  /** the route taken when this model fails outright */
  fallback: ModelKey | null;
}

export type ModelKey =
  | 'gpt4o'
  | 'gpt4oMini'
  | 'o3Mini'
  | 'embedSmall'
  | 'sonnet'
  | 'haiku'
  | 'geminiPro'
  | 'llama70b'
  | 'llamaGuard'
  | 'llama8b';

export const MODELS: Record<ModelKey, ModelProfile> = {
  gpt4o: managed('openai', 'gpt-4o', '2024-08-06', 9000, 70, 380, 0.02, 'gpt4oMini'),
  gpt4oMini: managed('openai', 'gpt-4o-mini', '2024-07-18', 14000, 95, 300, 0.015, null),
  o3Mini: managed('openai', 'o3-mini', '2025-01-31', 9000, 150, 450, 0.02, 'gpt4o'),
  embedSmall: managed('openai', 'text-embedding-3-small', null, 60000, 1, 90, 0.005, null),
  sonnet: managed('anthropic', 'claude-sonnet-4-20250514', null, 8000, 60, 650, 0.05, 'gpt4o'),
  haiku: managed('anthropic', 'claude-3-5-haiku-20241022', null, 12000, 85, 480, 0.03, 'gpt4oMini'),
  geminiPro: managed('google', 'gemini-2.5-pro', null, 30000, 75, 900, 0.03, null),
  llama70b: selfHosted('llama-3.1-70b-instruct', H100_POOL, 6000, 38, 'gpt4o'),
  llamaGuard: selfHosted('llama-guard-3-8b', H100_POOL, 20000, 120, 'gpt4oMini'),
  llama8b: selfHosted('llama-3.1-8b-instruct', L40S_POOL, 9000, 85, 'gpt4oMini'),
};

function managed(
  provider: string,
  model: string,
  modelVersion: string | null,
  prefillPerSec: number,
  decodePerSec: number,
  baseTtftMs: number,
  retryRate: number,
  fallback: ModelKey | null,
): ModelProfile {
  return { provider, model, modelVersion, pool: null, prefillPerSec, decodePerSec, baseTtftMs, retryRate, fallback };
}

function selfHosted(
  model: string,
  pool: string,
  prefillPerSec: number,
  decodePerSec: number,
  fallback: ModelKey | null,
): ModelProfile {
  return {
    provider: 'self-hosted',
    model,
    modelVersion: 'vllm-0.6',
    pool,
    prefillPerSec,
    decodePerSec,
    baseTtftMs: 60,
    retryRate: 0.01,
    fallback,
  };
}

/** The provider whose outage the incident day replays. */
export const INCIDENT_PROVIDER = 'anthropic';
