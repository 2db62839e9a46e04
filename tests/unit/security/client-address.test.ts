import { describe, expect, test } from "vitest";
import { clientAddress, parseTrustedProxy } from "@/lib/web/client-address";

const at = (socketAddress: string, forwardedFor: string | undefined, trusted: string | undefined) =>
  clientAddress({ socketAddress, forwardedFor, trustedProxy: parseTrustedProxy(trusted) });

describe("clientAddress", () => {
  test.each([
    // socket peer, X-Forwarded-For, TRUSTED_PROXY, client
    ["203.0.113.9", undefined, undefined, "203.0.113.9"],
    ["203.0.113.9", "1.2.3.4", undefined, "203.0.113.9"],
    ["::ffff:203.0.113.9", "1.2.3.4", undefined, "203.0.113.9"],
    ["127.0.0.1", "1.2.3.4", "1", "1.2.3.4"],
    ["127.0.0.1", "6.6.6.6, 1.2.3.4", "1", "1.2.3.4"],
    ["127.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.2", "2", "1.2.3.4"],
    ["127.0.0.1", "6.6.6.6, 1.2.3.4", "127.0.0.1", "1.2.3.4"],
    ["10.0.0.3", "6.6.6.6, 1.2.3.4, 10.0.0.2", "10.0.0.0/8", "1.2.3.4"],
    ["::ffff:10.0.0.3", "1.2.3.4", "10.0.0.0/8", "1.2.3.4"],
    ["2001:db8::7", "2001:db8:1::9", "2001:db8::/64", "2001:db8:1::9"],
    // The peer is not a trusted proxy: its header means nothing.
    ["198.51.100.4", "1.2.3.4", "10.0.0.0/8", "198.51.100.4"],
    // Garbage in the chain stops the walk at the last trusted hop.
    ["10.0.0.3", "not-an-ip", "10.0.0.0/8", "10.0.0.3"],
  ])("peer %s, X-Forwarded-For %s, TRUSTED_PROXY %s → %s", (peer, xff, trusted, expected) => {
    expect(at(peer, xff, trusted)).toBe(expected);
  });

  test.each(["0", "11", "10.0.0.0/99", "proxy.local", "1.2.3"])("TRUSTED_PROXY=%s is refused", (value) => {
    expect(() => parseTrustedProxy(value)).toThrow();
  });
});
