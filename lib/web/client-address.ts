/**
 * Who is on the other end of a request. The socket's peer, unless a trusted proxy is configured
 * (TRUSTED_PROXY): then X-Forwarded-For is read from the right, skipping the proxies, so a client can prepend
 * whatever it likes without choosing its address. Pure; lib/web/server.ts applies it to every request.
 */
import ipaddr from "ipaddr.js";

/** The request header the web server sets (overwriting any a client sent) and the sign-in limits read. */
export const CLIENT_ADDRESS_HEADER = "x-marginalia-client-address";

/** `hops`: that many proxies stand in front; `networks`: the proxies' addresses or CIDR ranges. */
export type TrustedProxy = { hops: number } | { networks: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

/**
 * Parses TRUSTED_PROXY: a number of hops ("1" for one reverse proxy), or comma-separated proxy addresses or
 * CIDR ranges ("127.0.0.1", "10.0.0.0/8,fd00::/8"). Unset or empty: no proxy is trusted. Throws when invalid.
 */
export function parseTrustedProxy(value: string | undefined): TrustedProxy | null {
  const text = value?.trim() ?? "";
  if (text === "") return null;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) throw new Error("a hop count must be between 1 and 10");
    return { hops };
  }
  const networks = text.split(",").map((entry) => {
    const item = entry.trim();
    if (!isStrictAddress(item.split("/")[0] ?? ""))
      throw new Error(`"${item}" is not an IP address or CIDR range`);
    try {
      return item.includes("/")
        ? ipaddr.parseCIDR(item)
        : ([ipaddr.parse(item), item.includes(":") ? 128 : 32] as [ipaddr.IPv4 | ipaddr.IPv6, number]);
    } catch {
      throw new Error(`"${item}" is not an IP address or CIDR range`);
    }
  });
  return { networks };
}

/** Strict: four-part dotted decimal IPv4 or IPv6 (ipaddr.js alone also takes shorthand like "1.2.3"). */
function isStrictAddress(value: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(value) || ipaddr.IPv6.isValid(value);
}

/** The address in canonical form (IPv4-mapped IPv6 as IPv4); null when it is not an address. */
export function normalizeAddress(value: string): string | null {
  const trimmed = value.trim().replace(/^\[(.*)\]$/, "$1");
  if (!isStrictAddress(trimmed)) return null;
  return ipaddr.process(trimmed).toString();
}

function isTrusted(address: string, networks: [ipaddr.IPv4 | ipaddr.IPv6, number][]): boolean {
  const parsed = ipaddr.process(address);
  return networks.some(([range, bits]) => {
    const candidate =
      parsed.kind() === range.kind()
        ? parsed
        : range.kind() === "ipv6" && parsed.kind() === "ipv4"
          ? (parsed as ipaddr.IPv4).toIPv4MappedAddress()
          : null;
    return candidate?.match([range, bits] as Parameters<typeof candidate.match>[0]) ?? false;
  });
}

export function clientAddress(input: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedProxy: TrustedProxy | null;
}): string {
  const peer = normalizeAddress(input.socketAddress ?? "") ?? "unknown";
  const proxy = input.trustedProxy;
  if (!proxy || input.forwardedFor === undefined) return peer;
  const header = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : input.forwardedFor;
  // The chain as the nearest proxy saw it: what it was told, then the peer it got the request from.
  const chain = [...header.split(",").map((part) => part.trim()), peer];
  if ("hops" in proxy) {
    const index = chain.length - 1 - proxy.hops;
    return normalizeAddress(chain[Math.max(0, index)] ?? "") ?? peer;
  }
  if (!isTrusted(peer, proxy.networks)) return peer;
  let last = peer;
  for (let i = chain.length - 2; i >= 0; i--) {
    const hop = normalizeAddress(chain[i] ?? "");
    if (hop === null) return last;
    if (!isTrusted(hop, proxy.networks)) return hop;
    last = hop;
  }
  return last;
}
