/**
 * The what-if panel's settings and the `changes` body they ask for: only what differs from
 * "no change" is sent, so an untouched panel asks for the observed figures themselves.
 */
export interface WhatIfSettings {
  inputCutPct: number;
  retrievedCutPct: number;
  outputCutPct: number;
  /** null: each call keeps its own cache hits */
  cacheHitPct: number | null;
  /** '' : no cap */
  maxRetries: string;
  acceptancePoints: number;
  /** 'keep' | 'model:<provider>/<model>' | 'pool:<name>' */
  route: string;
  /** '' : measured on the pool */
  tokensPerGpuHour: string;
  /** '' : the pool as it is */
  poolGpus: string;
}

export const UNCHANGED: WhatIfSettings = {
  inputCutPct: 0,
  retrievedCutPct: 0,
  outputCutPct: 0,
  cacheHitPct: null,
  maxRetries: '',
  acceptancePoints: 0,
  route: 'keep',
  tokensPerGpuHour: '',
  poolGpus: '',
};

export const modelRoute = (provider: string, model: string) => `model:${provider}/${model}`;
export const poolRoute = (name: string) => `pool:${name}`;

const nonNegativeInt = (text: string): number | null => {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : null;
};

export function changesBody(s: WhatIfSettings): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (s.inputCutPct) body.input_tokens_cut_pct = s.inputCutPct;
  if (s.retrievedCutPct) body.retrieved_tokens_cut_pct = s.retrievedCutPct;
  if (s.outputCutPct) body.output_tokens_cut_pct = s.outputCutPct;
  if (s.cacheHitPct !== null) body.cache_hit_rate = s.cacheHitPct / 100;
  const retries = nonNegativeInt(s.maxRetries);
  if (retries !== null) body.max_retries = retries;
  if (s.acceptancePoints) body.acceptance_rate_points = s.acceptancePoints;
  if (s.route.startsWith('model:')) {
    const [provider, ...model] = s.route.slice('model:'.length).split('/');
    body.model = { provider, model: model.join('/') };
  } else if (s.route.startsWith('pool:')) {
    const name = s.route.slice('pool:'.length);
    const throughput = Number(s.tokensPerGpuHour);
    body.pool =
      s.tokensPerGpuHour.trim() !== '' && throughput > 0 ? { name, tokens_per_gpu_hour: throughput } : { name };
    const gpus = nonNegativeInt(s.poolGpus);
    if (gpus !== null) body.pool_gpu_counts = { [name]: gpus };
  }
  return body;
}
