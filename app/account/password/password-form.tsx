'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { authClient } from '@/app/auth-client';
import { errorTextClass, inputClass, labelClass, primaryButtonClass } from '@/components/forms/styles';

export function PasswordForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('new') ?? '');
    if (newPassword !== String(form.get('repeat') ?? '')) return setError('The two new passwords differ.');
    if (newPassword.length < 12) return setError('The new password needs at least 12 characters.');
    setBusy(true);
    setError(null);
    const { error: failed } = await authClient.changePassword({
      currentPassword: String(form.get('current') ?? ''),
      newPassword,
      revokeOtherSessions: true,
    });
    if (failed) {
      setBusy(false);
      return setError(failed.message ?? 'The password could not be changed.');
    }
    router.replace('/');
    router.refresh();
  }

  const field = (id: string, label: string, autoComplete: string) => (
    <div>
      <label htmlFor={`password-${id}`} className={labelClass}>
        {label}
      </label>
      <input
        id={`password-${id}`}
        name={id}
        type="password"
        autoComplete={autoComplete}
        required
        className={inputClass}
      />
    </div>
  );

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Change password">
      {field('current', 'Current password', 'current-password')}
      {field('new', 'New password', 'new-password')}
      {field('repeat', 'New password again', 'new-password')}
      {error ? (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className={`${primaryButtonClass} w-full`}>
        {busy ? 'Saving…' : 'Save and continue'}
      </button>
    </form>
  );
}
