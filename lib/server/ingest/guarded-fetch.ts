import "server-only";
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import {
  FetchRefusedError,
  findFetchRefusal,
  type HostAllowance,
  isAllowanceFor,
  isIpLiteral,
  isPublicAddress,
} from "@/lib/ingest/address-policy";

export type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemResolve: Resolve = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export interface GuardOptions {
  /** Local stand-ins the rules do not apply to (MARGINALIA_IMPORT_ALLOW_HOSTS); tests and development only. */
  allowances: readonly HostAllowance[];
  /** DNS resolution; the system's by default. */
  resolve?: Resolve;
}

/**
 * A socket `lookup` that resolves the name, refuses it unless every address is public, and hands the socket the
 * addresses it checked: the connection goes to exactly what was checked (no second resolution to rebind).
 */
function pinnedLookup(resolve: Resolve, check: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 4);
          return;
        }
        if (check && addresses.some((a) => !isPublicAddress(a.address))) {
          callback(new FetchRefusedError("not_public", hostname), "", 4);
          return;
        }
        const family = options.family === 6 ? 6 : options.family === 4 ? 4 : 0;
        const usable = family === 0 ? addresses : addresses.filter((a) => a.family === family);
        if (options.all) {
          (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, usable);
        } else {
          const first = usable[0] ?? addresses[0];
          callback(null, first?.address ?? "", first?.family ?? 4);
        }
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, "", 4),
    );
  };
}

/** Refuses a URL the rules forbid before any connection: not https, or an address literal that is not public. */
export function refusalFor(url: URL, allowances: readonly HostAllowance[]): FetchRefusedError | null {
  if (isAllowanceFor(url, allowances)) return null;
  if (url.protocol !== "https:") return new FetchRefusedError("not_https", url.host);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIpLiteral(host) && !isPublicAddress(host)) return new FetchRefusedError("not_public", url.host);
  return null;
}

/**
 * A fetch for what the server fetches on a web user's behalf: https only, to public addresses only, checked
 * at every connection (so every redirect hop is checked again by the caller's next fetch), with the address
 * pinned between the check and the connection. Allowed stand-in hosts skip the rules.
 */
export function createGuardedFetch(options: GuardOptions): typeof fetch {
  const resolve = options.resolve ?? systemResolve;
  const guarded = new Agent({ connect: { lookup: pinnedLookup(resolve, true) } });
  const exempt = new Agent({ connect: { lookup: pinnedLookup(resolve, false) } });
  const guardedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const refusal = refusalFor(url, options.allowances);
    if (refusal) throw refusal;
    const dispatcher = isAllowanceFor(url, options.allowances) ? exempt : guarded;
    try {
      return (await undiciFetch(url, {
        ...(init as Parameters<typeof undiciFetch>[1]),
        dispatcher,
      })) as unknown as Response;
    } catch (error) {
      throw findFetchRefusal(error) ?? error;
    }
  };
  return guardedFetch as typeof fetch;
}

/**
 * Checks an address the way the guarded fetch will (resolving its name), for a clear answer up front. A name
 * that does not resolve now is not refused here: the import run will say it could not connect.
 */
export async function checkPublicAddress(url: URL, options: GuardOptions): Promise<FetchRefusedError | null> {
  const refusal = refusalFor(url, options.allowances);
  if (refusal || isAllowanceFor(url, options.allowances) || isIpLiteral(url.hostname)) return refusal;
  let addresses: { address: string }[];
  try {
    addresses = await (options.resolve ?? systemResolve)(url.hostname);
  } catch {
    return null;
  }
  return addresses.every((a) => isPublicAddress(a.address))
    ? null
    : new FetchRefusedError("not_public", url.host);
}
