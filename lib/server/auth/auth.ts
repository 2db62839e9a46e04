import "server-only";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db/client";
import { connections } from "@/lib/db/connections";
import { env } from "@/lib/env";
import { clearSignInAttempts, recordSignInAttempt, signInDelay } from "@/lib/server/auth/account-rate-limit";
import { CLIENT_ADDRESS_HEADER } from "@/lib/web/client-address";

const SIGN_IN_PATH = "/sign-in/email";

function emailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | null)?.email;
  return typeof email === "string" && email.trim() !== "" ? email : null;
}

const TIMESTAMPS = { createdAt: "created_at", updatedAt: "updated_at" } as const;

/**
 * Better Auth: email and password, sessions in PostgreSQL, scrypt password hashes (memory-hard), per-address
 * rate limits in the database keyed on the client address our web server determined (lib/web/server.ts: the
 * socket's peer, or X-Forwarded-For only behind a TRUSTED_PROXY), and per-account sign-in limits (the hooks
 * below, lib/server/auth/account-rate-limit.ts). Sign-up over HTTP is off: accounts are made by
 * `marginalia user add`, the demo seed, or an author on the users page.
 */
export function createAuth(options: { baseURL?: string } = {}) {
  const config = env();
  const baseURL = options.baseURL ?? config.BETTER_AUTH_URL ?? `http://localhost:${config.PORT}`;
  return betterAuth({
    appName: "Marginalia",
    baseURL,
    secret: config.BETTER_AUTH_SECRET,
    // Better Auth's own PostgreSQL adapter (Kysely) on the pool Prisma shares: a session look-up on every
    // request is two small statements, and through Prisma's query compiler each cost about 0.5 ms of the web
    // process's CPU. The column names are Prisma's (@map in prisma/schema.prisma).
    database: connections().pool,
    telemetry: { enabled: false },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      fields: {
        expiresAt: "expires_at",
        ipAddress: "ip_address",
        userAgent: "user_agent",
        userId: "user_id",
        ...TIMESTAMPS,
      },
    },
    user: {
      fields: { emailVerified: "email_verified", ...TIMESTAMPS },
      additionalFields: {
        role: { type: "string", input: false, required: false, defaultValue: "VIEWER" },
        disabledAt: { type: "date", input: false, required: false, fieldName: "disabled_at" },
      },
    },
    account: {
      fields: {
        accountId: "account_id",
        providerId: "provider_id",
        userId: "user_id",
        accessToken: "access_token",
        refreshToken: "refresh_token",
        idToken: "id_token",
        accessTokenExpiresAt: "access_token_expires_at",
        refreshTokenExpiresAt: "refresh_token_expires_at",
        ...TIMESTAMPS,
      },
    },
    verification: { fields: { expiresAt: "expires_at", ...TIMESTAMPS } },
    databaseHooks: {
      session: {
        create: {
          // After the password was checked: a disabled account gets no session (and is told why).
          before: async (session) => {
            const user = await db().user.findUnique({ where: { id: session.userId } });
            if (user?.disabledAt) {
              throw new APIError("FORBIDDEN", {
                message: "This account is disabled; ask the publication's author.",
                code: "ACCOUNT_DISABLED",
              });
            }
          },
        },
      },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "rate_limit",
      fields: { lastRequest: "last_request" },
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
    },
    hooks: {
      // Per account and address a hard limit; per account a slow-down (never a lock-out by email alone).
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = emailOf(ctx.body);
        if (!email) return;
        const address = ctx.headers?.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
        const verdict = await recordSignInAttempt(email, address);
        if (!verdict.allowed) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            {
              message: "Too many sign-in attempts for this account; try again later.",
              code: "TOO_MANY_ATTEMPTS",
            },
            { "Retry-After": String(verdict.retryAfter) },
          );
        }
        if (verdict.delayMs > 0) await signInDelay.wait(verdict.delayMs);
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH || !ctx.context.newSession) return;
        const email = emailOf(ctx.body);
        if (email) await clearSignInAttempts(email);
      }),
    },
    trustedOrigins: [baseURL],
    advanced: {
      // Cookies travel only over https whenever the app is reached over https (and get the __Secure- prefix).
      useSecureCookies: baseURL.startsWith("https://"),
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    plugins: [nextCookies()],
  });
}

/**
 * The Better Auth endpoints reachable over HTTP; everything else it offers answers 404. In particular
 * /update-user (a moderator renaming themself to the author's name), /change-email and /delete-user: accounts
 * are managed by the author (users page) and the command line, which log what they change.
 */
export const HTTP_AUTH_PATHS: ReadonlySet<string> = new Set(["/sign-in/email", "/sign-out", "/get-session"]);

export function isAllowedAuthPath(pathname: string): boolean {
  const prefix = "/api/auth";
  return (
    pathname.startsWith(`${prefix}/`) &&
    HTTP_AUTH_PATHS.has(pathname.slice(prefix.length).replace(/\/+$/, ""))
  );
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as { marginaliaAuth?: Auth };

export function auth(): Auth {
  globalForAuth.marginaliaAuth ??= createAuth();
  return globalForAuth.marginaliaAuth;
}
