import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentUser } from '@/app/access';
import { oidcSignIn } from '@/auth/instance';
import { LogoMark } from '@/components/shell/logo-mark';
import { safeNextPath } from '@/lib/access/next-path';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <main className="flex min-h-screen items-center justify-center bg-tremor-background-muted px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2.5">
          <LogoMark className="size-9" />
          <span className="leading-tight">
            <span className="block text-tremor-title font-semibold tracking-tight text-tremor-content-strong">CUT</span>
            <span className="block text-tremor-label text-tremor-content-default">cost per useful token</span>
          </span>
        </div>
        <section
          aria-labelledby="login-heading"
          className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-6 shadow-tremor-card"
        >
          <h1 id="login-heading" className="text-tremor-title font-semibold text-tremor-content-strong">
            Sign in
          </h1>
          <p className="mb-5 mt-1 text-tremor-default">Use the account an admin created for you.</p>
          <LoginForm next={next} sso={oidcSignIn()} />
        </section>
        <p className="mt-4 text-center text-tremor-label text-tremor-content-default">
          First start? The admin email and a one-time password are printed by <code>npm start</code>.
        </p>
      </div>
    </main>
  );
}
