import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * Better Auth: email and password, sessions in PostgreSQL, scrypt password hashes (memory-hard), per-address
 * rate limits in the database. Sign-up over HTTP is off: accounts are made by `marginalia user add`, the demo
 * seed, or an author on the users page.
 */
function createAuth() {
  const config = env();
  const baseURL = config.BETTER_AUTH_URL ?? `http://localhost:${config.PORT}`;
  return betterAuth({
    appName: "Marginalia",
    baseURL,
    secret: process.env.BETTER_AUTH_SECRET,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    telemetry: { enabled: false },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: false, defaultValue: "VIEWER" },
      },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
    },
    trustedOrigins: [baseURL],
    advanced: { ipAddress: { ipAddressHeaders: ["x-forwarded-for"] } },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as { marginaliaAuth?: Auth };

export function auth(): Auth {
  globalForAuth.marginaliaAuth ??= createAuth();
  return globalForAuth.marginaliaAuth;
}
