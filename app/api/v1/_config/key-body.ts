import { z } from 'zod';
import { slug, text } from '@/ingest/native/rules';

/** A new ingest key as POST /api/v1/keys and the Settings page ask for it. */
export const NewKeyBody = z.strictObject({ name: text(100), team: slug.optional() });
