import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * Server-side requests to addresses people configure (webhooks) must not reach the machine itself or its
 * network: loopback, private, link-local (cloud metadata), CGNAT, multicast, reserved and their IPv6
 * equivalents are refused, unless the host is listed in MARGINALIA_OUTBOUND_ALLOW. The address checked is
 * the address connected to (see `resolvePublicAddress`), so a DNS answer cannot change in between.
 */

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  BLOCKED.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  BLOCKED.addSubnet(net, prefix, "ipv6");

export class OutboundBlockedError extends Error {}

/** True when an address is internal (loopback, private, link-local, CGNAT, multicast, reserved). */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // IPv4-mapped addresses (::ffff:10.0.0.1) are judged as the IPv4 address they carry (not as an IPv6
    // range: BlockList would then match every IPv4 address against it).
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/iu.exec(address);
    if (mapped) return BLOCKED.check(mapped[1]!, "ipv4");
    return BLOCKED.check(address, "ipv6");
  }
  return BLOCKED.check(address, "ipv4");
}

/**
 * The address to connect to for a URL's host: every address the name resolves to must be public (or the host
 * allowed by MARGINALIA_OUTBOUND_ALLOW); throws OutboundBlockedError otherwise.
 */
export async function resolvePublicAddress(url: URL): Promise<{ address: string; family: 4 | 6 }> {
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new OutboundBlockedError(`only http and https addresses can be called (not ${url.protocol})`);
  if (url.username || url.password)
    throw new OutboundBlockedError("addresses with credentials are not called");
  const host = url.hostname.replace(/^\[(.*)\]$/u, "$1").toLowerCase();
  const allowed = env().MARGINALIA_OUTBOUND_ALLOW.includes(host);
  const answers = isIP(host)
    ? [{ address: host, family: isIP(host) as 4 | 6 }]
    : await lookup(host, { all: true, verbatim: true });
  if (answers.length === 0) throw new OutboundBlockedError(`${host} does not resolve`);
  if (!allowed) {
    const internal = answers.find((a) => isInternalAddress(a.address));
    if (internal)
      throw new OutboundBlockedError(
        `${host} resolves to an internal address (${internal.address}); list the host in MARGINALIA_OUTBOUND_ALLOW to allow it`,
      );
  }
  const first = answers[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
