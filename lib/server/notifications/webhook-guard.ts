import "server-only";
import { env } from "@/lib/env";
import { type FetchRefusedError, parseHostAllowances } from "@/lib/ingest/address-policy";
import { checkPublicAddress, createGuardedFetch, type GuardOptions } from "@/lib/server/ingest/guarded-fetch";

/**
 * Webhooks are addresses people type in, fetched by the server: the same rules as imports started in the app
 * (lib/ingest/address-policy.ts: public https addresses only, checked at connection time and pinned), with
 * their own allow list (MARGINALIA_WEBHOOK_ALLOW_HOSTS) for receivers on the owner's network.
 */
export function webhookGuard(): {
  fetch: typeof fetch;
  /** A clear refusal up front (when the settings are saved), or null. */
  check: (url: URL) => Promise<FetchRefusedError | null>;
} {
  const options: GuardOptions = { allowances: parseHostAllowances(env().MARGINALIA_WEBHOOK_ALLOW_HOSTS) };
  return { fetch: createGuardedFetch(options), check: (url) => checkPublicAddress(url, options) };
}
