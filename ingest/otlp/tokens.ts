/** Token counts as an emitter reported them; absent ones are undefined. */
export interface ReportedTokens {
  input?: number;
  output?: number;
  cacheRead?: number;
  cacheWrite?: number;
  reasoning?: number;
}

/** Token counts in CUT's convention: cached inside input, reasoning inside output. */
export interface Tokens {
  input: number;
  cached: number;
  output: number;
  reasoning: number;
  cacheWrite: number;
}

const isCount = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);

/**
 * The semantic conventions count cache reads and writes inside input tokens and reasoning inside
 * output tokens, but some emitters report them beside instead (OpenLIT's Anthropic spans, some
 * gateways). When the parts exceed the whole, or the emitter is known to report them beside, the
 * parts are added in. Counts that are not counts are passed on untouched, for validation to name.
 */
export function normaliseTokens(t: ReportedTokens, inputExcludesCache: boolean): Tokens {
  const input = t.input ?? 0;
  const cached = t.cacheRead ?? 0;
  const cacheWrite = t.cacheWrite ?? 0;
  const output = t.output ?? 0;
  const reasoning = t.reasoning ?? 0;
  if (![t.input, t.cacheRead, t.cacheWrite, t.output, t.reasoning].every(isCount)) {
    return { input, cached, output, reasoning, cacheWrite };
  }
  const addCache = inputExcludesCache || cached + cacheWrite > input;
  return {
    input: addCache ? input + cached + cacheWrite : input,
    cached,
    output: reasoning > output ? output + reasoning : output,
    reasoning,
    cacheWrite,
  };
}
