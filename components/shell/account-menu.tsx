'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { authClient } from '@/app/auth-client';

/** Who is signed in, with their role, a link to change the password, and Sign out. */
export function AccountMenu({ email, role }: { email: string; role: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    await authClient.signOut();
    router.replace('/login');
    router.refresh();
  }
  return (
    <div className="mt-3 border-t border-tremor-border-default pt-3 md:mt-auto" aria-label="Account">
      <p className="truncate px-2 text-tremor-default font-medium text-tremor-content-strong" title={email}>
        {email}
      </p>
      <p className="px-2 text-tremor-label text-tremor-content-default" data-testid="account-role">
        {role}
      </p>
      <div className="mt-2 flex gap-2 px-2">
        <Link href="/account/password" className="text-tremor-label font-medium text-tremor-brand-emphasis underline">
          Password
        </Link>
        <button
          type="button"
          onClick={signOut}
          disabled={busy}
          className="text-tremor-label font-medium text-tremor-content-emphasis underline hover:text-tremor-content-strong"
        >
          {busy ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </div>
  );
}
