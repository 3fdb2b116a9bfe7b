import Link from 'next/link';

/** What a signed-in person sees on a page their role does not open. */
export function NoAccess() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-tremor-background-muted px-4">
      <section className="max-w-md rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-6 shadow-tremor-card">
        <p className="text-tremor-label font-medium uppercase tracking-wide text-tremor-content-default">403</p>
        <h1 className="mt-1 text-tremor-title font-semibold text-tremor-content-strong">
          You do not have access to this page
        </h1>
        <p className="mt-2 text-tremor-default">
          Your role does not include it, or it shows a team that is not granted to you. An admin can change your access
          in Settings.
        </p>
        <Link
          href="/"
          className="mt-4 inline-block text-tremor-default font-medium text-tremor-brand-emphasis underline"
        >
          Back to the overview
        </Link>
      </section>
    </main>
  );
}
