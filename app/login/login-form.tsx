'use client';

import { useState, type FormEvent } from 'react';
import { authClient, signInWithOidc } from '@/app/auth-client';
import {
  errorTextClass,
  inputClass,
  labelClass,
  primaryButtonClass,
  secondaryButtonClass,
} from '@/components/forms/styles';

/** Email and password, or the company's identity provider when one is configured. */
export function LoginForm({ next, sso }: { next: string; sso: { name: string } | null }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const { error: failed } = await authClient.signIn.email({
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    if (failed) {
      setBusy(false);
      setError(
        failed.status === 429
          ? `Too many sign-in attempts. ${/try again in \d+ s/.test(failed.message ?? '') ? failed.message : 'Wait a few seconds and try again.'}`
          : failed.status === 401
            ? 'That email and password do not match an account.'
            : (failed.message ?? 'Signing in failed; try again.'),
      );
      return;
    }
    // A full load, so the server renders the dashboard for this session from scratch.
    window.location.assign(next);
  }

  async function signInWithSso() {
    setBusy(true);
    const failed = await signInWithOidc(next);
    if (failed) {
      setBusy(false);
      setError(failed);
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-4" aria-label="Sign in">
        <div>
          <label htmlFor="login-email" className={labelClass}>
            Email
          </label>
          <input id="login-email" name="email" type="email" autoComplete="username" required className={inputClass} />
        </div>
        <div>
          <label htmlFor="login-password" className={labelClass}>
            Password
          </label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className={inputClass}
          />
        </div>
        {error ? (
          <p role="alert" className={errorTextClass}>
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy} className={`${primaryButtonClass} w-full`}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {sso ? (
        <button type="button" disabled={busy} onClick={signInWithSso} className={`${secondaryButtonClass} w-full`}>
          Sign in with {sso.name}
        </button>
      ) : null}
    </div>
  );
}
