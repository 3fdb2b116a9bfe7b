import type { NextConfig } from 'next';

/** Sent with every response, static files included; the CSP (it needs a per-request nonce) is set in proxy.ts. */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

const config: NextConfig = {
  // PGlite loads its WASM from its own package folder; bundling it breaks that lookup.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  // forbidden() in pages and server actions renders app/forbidden.tsx with a 403.
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};

export default config;
