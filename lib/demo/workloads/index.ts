import { agenticCoding } from './agentic-coding';
import { customerSupport } from './customer-support';
import { documentReview } from './document-review';
import { knowledgeAssistant } from './knowledge-assistant';
import { longContextResearch } from './long-context-research';
import type { WorkloadProfile } from './profile';

export type { WorkflowResult, WorkloadProfile } from './profile';

/** The chargeback owners of the demo. */
export const DEMO_TEAMS: ReadonlyArray<{ slug: string; name: string }> = [
  { slug: 'support', name: 'Customer Support' },
  { slug: 'research', name: 'Research' },
  { slug: 'legal-ops', name: 'Legal Operations' },
  { slug: 'platform', name: 'Platform Engineering' },
  { slug: 'growth', name: 'Growth' },
  { slug: 'knowledge', name: 'Knowledge Management' },
];

/** Teams whose managed-API calls go through a gateway that reports its own cost per call. */
export const GATEWAY_TEAMS: ReadonlySet<string> = new Set(['research', 'growth']);

export const WORKLOADS: readonly WorkloadProfile[] = [
  customerSupport,
  longContextResearch,
  documentReview,
  agenticCoding,
  knowledgeAssistant,
];
