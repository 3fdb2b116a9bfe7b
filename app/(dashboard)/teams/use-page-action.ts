'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from './actions';

export interface ActionStatus {
  ok: boolean;
  text: string;
}

/** Runs a server action; on success the figures are fetched again and the page re-rendered. */
export function usePageAction() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const run = (action: () => Promise<ActionResult>, onDone?: () => void) =>
    startTransition(async () => {
      const result = await action();
      setStatus(result.ok ? { ok: true, text: result.message } : { ok: false, text: result.error });
      if (result.ok) {
        await queryClient.invalidateQueries({ queryKey: ['chargeback'] });
        router.refresh();
        onDone?.();
      }
    });
  return { pending, status, run };
}
