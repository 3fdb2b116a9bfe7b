import type { Metadata } from 'next';
import { headers } from 'next/headers';
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
  // reading the request makes the page per request, and the inline theme script needs the nonce
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The theme script sets a class on <html> before React hydrates; that difference is expected.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} suppressHydrationWarning />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
