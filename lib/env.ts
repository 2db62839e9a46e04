import { z } from "zod";
import { parseTrustedProxy } from "@/lib/web/client-address";

/**
 * The whole configuration, validated once. A wrong variable stops the process with a message naming it.
 * Every variable is listed in .env.example and the README.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** External PostgreSQL; when unset, an embedded server is started (lib/db/embedded.ts). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /**
   * The tables' owner, for migrations and owner-only commands (db unseed-demo); DATABASE_URL is then the app's
   * least-privilege role, which `npm start` and `db migrate` grant what it needs. Unset with DATABASE_URL: the
   * app runs as DATABASE_URL's user, owner included (start-up warns). SECURITY.md has the SQL for both roles.
   */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /**
   * A read replica of DATABASE_URL (streaming or logical), as the app's role: the dashboards' reads (overview,
   * compare, commenter and post figures, search, insights) go there; every write, and every read that must
   * see a write just made (moderation, corrections, the queue, settings, sign-in), stays on DATABASE_URL.
   * Unset: everything reads the primary. Its sessions are read-only.
   */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** Folder of the embedded server's data (npm start); git-ignored. */
  MARGINALIA_DATA_DIR: z.string().min(1).default(".data/postgres"),
  /** Port of the embedded server. */
  MARGINALIA_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * The address the web server listens on. Loopback only by default: opening it to the network (HOST=0.0.0.0)
   * is a decision, made together with https in front of it (SECURITY.md).
   */
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:-]{1,253}$/, "must be a host name or an IP address, e.g. 127.0.0.1 or 0.0.0.0")
    .default("127.0.0.1"),
  /**
   * The reverse proxy in front of the app, whose X-Forwarded-For is believed: a hop count ("1") or the proxies'
   * addresses / CIDR ranges ("127.0.0.1", "10.0.0.0/8"). Unset: the header is ignored and the socket's peer is
   * the client (sign-in limits per address, session records).
   */
  TRUSTED_PROXY: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxy(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      }
    }),
  /** Public address of the app, used for sign-in callbacks and cross-site checks. */
  BETTER_AUTH_URL: z.url().optional(),
  /** Signs session cookies; generated and kept in the data folder when unset. At least 32 characters. */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /**
   * Load the demo publication and demo accounts into an empty database on start. Unset: only on the embedded
   * default database outside production (see shouldLoadDemo); never into a DATABASE_URL unless set to true.
   */
  MARGINALIA_SEED_DEMO: z
    .enum(["true", "false", "1", "0"])
    .transform((v) => v === "true" || v === "1")
    .optional(),
  /**
   * Web server processes on this machine, sharing HOST:PORT (Node's cluster): one uses one core for Next's
   * per-request work; two or more use the others. Each holds its own connections (lib/db/README.md).
   */
  MARGINALIA_WEB_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  /** Run periodic Substack syncs inside the web process (off when dedicated workers run them). */
  MARGINALIA_IN_PROCESS_JOBS: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  /**
   * Refine labels in the background with the sentence encoder (about 40 comments a second a core); "off"
   * keeps the fast scorer's labels alone.
   */
  MARGINALIA_ENCODER: z.enum(["on", "off"]).default("on"),
  /**
   * The user's own language model: base URL of an OpenAI-compatible API (".../v1"; chat completions are
   * posted to <url>/chat/completions). The LLM refiner is off, and no comment leaves the server, unless
   * both this and MARGINALIA_LLM_MODEL are set.
   */
  MARGINALIA_LLM_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// address" })
    .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), "must not carry credentials: use MARGINALIA_LLM_API_KEY")
    .optional(),
  /** The model name the endpoint knows (e.g. "llama3.1:8b" for Ollama). */
  MARGINALIA_LLM_MODEL: z.string().trim().min(1).optional(),
  /** Sent as a bearer token; never logged. Local servers usually need none. */
  MARGINALIA_LLM_API_KEY: z.string().optional(),
  /** Comments per request. */
  MARGINALIA_LLM_BATCH: z.coerce.number().int().min(1).max(50).default(10),
  /** Requests in flight at once (over all workers: one LLM refinement runs at a time). */
  MARGINALIA_LLM_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** Comments sent to the model per UTC day, counted in the database (cached answers are free); 0 sends none. */
  MARGINALIA_LLM_DAILY_BUDGET: z.coerce.number().int().min(0).default(2000),
  /** A request (one batch) is abandoned and retried after this long. */
  MARGINALIA_LLM_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /**
   * Hosts ("host" or "host:port", comma-separated) that imports started in the app may reach over http and on
   * private addresses. For tests' and development's local stand-ins only; never needed in production.
   */
  MARGINALIA_IMPORT_ALLOW_HOSTS: z.string().max(2000).optional(),
  /**
   * SMTP server for notification e-mail (smtp://user:pass@host:587 or smtps://…:465); unset: no e-mail is sent.
   * Never logged.
   */
  MARGINALIA_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  /** The From address of notification e-mail. */
  MARGINALIA_MAIL_FROM: z.email().default("marginalia@localhost"),
  /**
   * Hosts ("host" or "host:port", comma-separated) webhooks may reach over http and on private addresses (a
   * receiver on your own network, tests' stand-ins). Every other webhook must be a public https address.
   */
  MARGINALIA_WEBHOOK_ALLOW_HOSTS: z.string().max(2000).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

/** One of the LLM's address and model without the other is a half-done configuration, not "off". */
function llmPairIssues(e: Env): string[] {
  if (e.MARGINALIA_LLM_URL && !e.MARGINALIA_LLM_MODEL)
    return ["MARGINALIA_LLM_MODEL: required when MARGINALIA_LLM_URL is set"];
  if (e.MARGINALIA_LLM_MODEL && !e.MARGINALIA_LLM_URL)
    return ["MARGINALIA_LLM_URL: required when MARGINALIA_LLM_MODEL is set"];
  return [];
}

/** A replica of the embedded server is not a thing: it has no replication set up and its port may change. */
function replicaIssues(e: Env): string[] {
  return e.DATABASE_REPLICA_URL && !e.DATABASE_URL
    ? ["DATABASE_REPLICA_URL: needs DATABASE_URL (the primary it replicates)"]
    : [];
}

export class EnvError extends Error {}

/** Parses an environment; throws EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  const lines = result.success
    ? [...llmPairIssues(result.data), ...replicaIssues(result.data)]
    : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  if (!result.success || lines.length > 0) throw new EnvError(`invalid environment: ${lines.join("; ")}`);
  return result.data;
}

let cached: Env | undefined;

/** The process environment, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The database this process serves, read live and validated like the rest: start-up learns the address only
 * once it has started or found the server (after env() may have been read), and hands it on with
 * setDatabaseUrl. Undefined when none is set.
 */
export function databaseUrl(): string | undefined {
  const raw = process.env.DATABASE_URL;
  const result = envSchema.shape.DATABASE_URL.safeParse(raw === "" ? undefined : raw);
  if (!result.success)
    throw new EnvError(`invalid environment: DATABASE_URL: ${result.error.issues[0]?.message ?? "invalid"}`);
  return result.data;
}

/** Points this process, and the processes it starts, at the database start-up prepared. */
export function setDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
  cached = undefined;
}

/**
 * A secret in a variable the user named (`--cookie-env SUBSTACK_SID`), so the secret itself never sits in
 * arguments, job rows or logs. Undefined when the variable is unset or empty.
 */
export function namedSecret(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}

/** The environment for a child process: this one's, less the variables named, plus the overrides. */
export function childEnvironment(
  omit: readonly string[],
  overrides: Record<string, string>,
): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const name of omit) delete environment[name];
  return Object.assign(environment, overrides);
}
