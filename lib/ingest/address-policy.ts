/**
 * Which addresses the server may fetch on a web user's behalf (imports started in the app, scheduled syncs):
 * public https addresses only. Pure: the resolving and connecting happen in lib/server/ingest/guarded-fetch.ts.
 */
import ipaddr from "ipaddr.js";

/**
 * True for a globally routable unicast address. Refused: loopback, private (RFC 1918), link-local (cloud
 * metadata included), carrier-grade NAT, multicast, broadcast, unspecified, documentation and reserved ranges,
 * and the IPv6 equivalents: unique-local, link-local, IPv4-mapped (judged as the IPv4 inside), NAT64, 6to4,
 * Teredo. Anything that does not parse is refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === "unicast";
}

export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[|\]$/g, ""));
}

/** Hosts exempt from the rules (tests' and development's local stand-ins): "host" (any port) or "host:port". */
export interface HostAllowance {
  host: string;
  port: string | null;
}

/** Parses MARGINALIA_IMPORT_ALLOW_HOSTS: comma-separated "host" or "host:port" entries. */
export function parseHostAllowances(value: string | undefined): HostAllowance[] {
  if (!value) return [];
  return value
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== "")
    .map((entry) => {
      const match = /^(.*?)(?::(\d{1,5}))?$/.exec(entry);
      return { host: match?.[1] ?? entry, port: match?.[2] ?? null };
    });
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

export function isAllowanceFor(url: URL, allowances: readonly HostAllowance[]): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return allowances.some((a) => a.host === host && (a.port === null || a.port === defaultPort(url)));
}

export type FetchRefusalReason = "not_https" | "not_public";

/** What a guarded fetch throws instead of connecting. Never retried. */
export class FetchRefusedError extends Error {
  constructor(
    readonly reason: FetchRefusalReason,
    readonly host: string,
  ) {
    super(
      reason === "not_https"
        ? `refused to fetch ${host}: only https addresses are fetched`
        : `refused to fetch ${host}: it is not a public address`,
    );
    this.name = "FetchRefusedError";
  }
}

/** The refusal inside an error's cause chain (fetch wraps connection errors), or null. */
export function findFetchRefusal(error: unknown): FetchRefusedError | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof FetchRefusedError) return e;
  }
  return null;
}
