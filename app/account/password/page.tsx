import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentUser } from '@/app/access';
import { PasswordForm } from './password-form';

export const metadata: Metadata = { title: 'Change password' };

export default async function ChangePasswordPage() {
  const user = await currentUser();
  if (!user) redirect('/login?next=/account/password');
  return (
    <main className="flex min-h-screen items-center justify-center bg-tremor-background-muted px-4">
      <section
        aria-labelledby="password-heading"
        className="w-full max-w-sm rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-6 shadow-tremor-card"
      >
        <h1 id="password-heading" className="text-tremor-title font-semibold text-tremor-content-strong">
          Choose a new password
        </h1>
        <p className="mb-5 mt-1 text-tremor-default">
          {user.mustChangePassword
            ? 'You signed in with a one-time password. Choose your own (at least 12 characters) to continue.'
            : `Signed in as ${user.principal.label}. Other sessions are signed out when you change it.`}
        </p>
        <PasswordForm />
      </section>
    </main>
  );
}
