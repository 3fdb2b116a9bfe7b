import { ingestOutcomes } from '@/ingest/native/outcomes';
import { ingestRoute } from '@/app/api/ingest-route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Outcomes that arrive after their workflow's events (cut-model.md 1.2). */
export const POST = ingestRoute('outcomes', ingestOutcomes);
