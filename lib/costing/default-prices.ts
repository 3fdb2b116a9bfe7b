/**
 * List prices a fresh install starts with, so common managed models are not "unpriced" on day
 * one. USD per 1M tokens, standard (non-batch) tier, prompts up to 200k tokens; `cached` is the
 * cache-read price (no cache-write surcharge is modelled). Every figure names where it came from
 * and when, and says to verify it: list prices change, and an admin's own price replaces these.
 */
export interface DefaultModelPrice {
  provider: string;
  model: string;
  match: 'exact' | 'pattern';
  inputUsdPer1m: string;
  cachedInputUsdPer1m: string;
  outputUsdPer1m: string;
  source: string;
}

/** In force for all history: a default must price old events too, and any admin version overrides it. */
export const DEFAULT_PRICES_EFFECTIVE_FROM = new Date('2000-01-01T00:00:00Z');

const OPENAI = 'https://openai.com/api/pricing/ (standard tier): list price as of 2025-08, verify before use';
const ANTHROPIC =
  'https://www.anthropic.com/pricing#api (cached = cache read): list price as of 2025-10, verify before use';
const GOOGLE =
  'https://ai.google.dev/gemini-api/docs/pricing (paid tier, text): list price as of 2025-07, verify before use';

export const DEFAULT_MODEL_PRICES: readonly DefaultModelPrice[] = [
  // Exact names: OpenAI's dated snapshots are not all priced alike (gpt-4o-2024-05-13 costs more).
  price('openai', 'gpt-4o', 'exact', '2.50', '1.25', '10.00', OPENAI),
  price('openai', 'gpt-4o-mini', 'exact', '0.15', '0.075', '0.60', OPENAI),
  // Patterns: Anthropic's dated ids ("claude-sonnet-4-5-20250929") share their family's price.
  price('anthropic', 'claude-sonnet-4*', 'pattern', '3.00', '0.30', '15.00', ANTHROPIC),
  price('anthropic', 'claude-haiku-4-5*', 'pattern', '1.00', '0.10', '5.00', ANTHROPIC),
  price('anthropic', 'claude-3-5-haiku*', 'pattern', '0.80', '0.08', '4.00', ANTHROPIC),
  // Exact names: "gemini-2.0-flash*" would also catch the cheaper flash-lite.
  price('google', 'gemini-2.5-flash', 'exact', '0.30', '0.075', '2.50', GOOGLE),
  price('google', 'gemini-2.0-flash', 'exact', '0.10', '0.025', '0.40', GOOGLE),
];

function price(
  provider: string,
  model: string,
  match: 'exact' | 'pattern',
  inputUsdPer1m: string,
  cachedInputUsdPer1m: string,
  outputUsdPer1m: string,
  source: string,
): DefaultModelPrice {
  return { provider, model, match, inputUsdPer1m, cachedInputUsdPer1m, outputUsdPer1m, source };
}
