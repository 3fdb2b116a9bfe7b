import type { NextConfig } from 'next';

const config: NextConfig = {
  // PGlite loads its WASM from its own package folder; bundling it breaks that lookup.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
};

export default config;
