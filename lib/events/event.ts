/**
 * A request event as CUT stores it (cut-model.md 1.1), after validation and defaulting.
 * Token counts are integers; gpu_hours and reported cost stay decimal strings so that no
 * binary float ever touches money or anything multiplied into money.
 */
export const STAGES = ['generation', 'tool', 'retrieval', 'evaluation', 'guardrail', 'routing'] as const;
export type Stage = (typeof STAGES)[number];

export const ACCEPTANCE = ['accepted', 'rejected', 'pending'] as const;
export type AcceptanceStatus = (typeof ACCEPTANCE)[number];

export const EVENT_STATUS = ['ok', 'error'] as const;
export type EventStatus = (typeof EVENT_STATUS)[number];

export type AttributeValue = string | number | boolean;

export interface CutEvent {
  id: string;
  timestamp: Date;
  team: string;
  workloadClass: string;
  workflowId: string;
  model: string;
  provider: string;
  modelVersion: string | null;
  pool: string | null;
  stage: Stage;
  inputTokens: number;
  cachedTokens: number;
  retrievedTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  retryCount: number;
  toolCalls: number;
  fallback: boolean;
  latencyMs: number;
  ttftMs: number | null;
  queueMs: number | null;
  status: EventStatus;
  errorType: string | null;
  acceptanceStatus: AcceptanceStatus;
  rejectionReason: string | null;
  humanReviewSeconds: number;
  /** decimal string, hours */
  gpuHours: string;
  /** decimal string, USD; null when the emitter did not say */
  reportedCostUsd: string | null;
  attributes: Record<string, AttributeValue>;
}

/** An outcome record (cut-model.md 1.2): a workflow's acceptance that may arrive after its events. */
export interface CutOutcome {
  workflowId: string;
  team: string | null;
  acceptanceStatus: AcceptanceStatus;
  rejectionReason: string | null;
  humanReviewSeconds: number;
  timestamp: Date;
}

/** Workload classes the product knows out of the box, with the unit a workflow is counted in. */
export const DEFAULT_WORKLOAD_CLASSES: ReadonlyArray<{ slug: string; name: string; unit: string }> = [
  { slug: 'customer_support', name: 'Customer support', unit: 'resolved ticket' },
  { slug: 'long_context_research', name: 'Long-context research', unit: 'accepted answer' },
  { slug: 'document_review', name: 'Document review', unit: 'reviewed document' },
  { slug: 'agentic_coding', name: 'Agentic coding', unit: 'accepted task' },
  { slug: 'internal_knowledge_assistant', name: 'Internal knowledge assistant', unit: 'useful answer' },
];
