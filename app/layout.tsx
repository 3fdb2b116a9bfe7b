import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { THEME_SCRIPT } from '@/components/shell/theme';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'CUT — cost per useful token', template: '%s · CUT' },
  description: 'A self-hosted FinOps dashboard for LLM inference: what each useful token really costs.',
};

/** Every page renders per request: the CSP nonce (proxy.ts) can only reach scripts rendered with it. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    // The theme script sets a class on <html> before React hydrates; that difference is expected.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
