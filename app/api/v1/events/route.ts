import { ingestEventBody } from '@/ingest/native/events';
import { ingestBodyRoute } from '@/app/api/ingest-route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Native ingest of request events (api.md, cut-model.md 1.1). */
export const POST = ingestBodyRoute('events', ingestEventBody);
