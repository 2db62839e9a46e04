import { defineConfig } from "prisma/config";

// No datasource URL here on purpose: `prisma generate` runs at install time with no database,
// and migrations are applied by lib/db/migrate.ts through the WASM schema engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
