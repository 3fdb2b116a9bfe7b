import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
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
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
