/** `GET /api/v1/decision-options`: what a decisions panel can offer for a period. */
export interface DecisionOptionsBody {
  from: string;
  to: string;
  /** workload classes with calls in the period */
  classes: string[];
  /** pools in force at the start of the period */
  pools: Array<{ name: string; gpu_type: string; gpu_count: number; usd_per_gpu_hour: string }>;
  /** managed models with a price: those called in the period, then the book's exact names */
  models: Array<{ provider: string; model: string }>;
}
