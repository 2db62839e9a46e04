import { describe, expect, test } from "vitest";
import {
  FetchRefusedError,
  findFetchRefusal,
  isAllowanceFor,
  isPublicAddress,
  parseHostAllowances,
} from "@/lib/ingest/address-policy";

describe("isPublicAddress", () => {
  test.each([
    ["8.8.8.8", true],
    ["151.101.1.1", true],
    ["2001:4860:4860::8888", true],
    ["::ffff:8.8.8.8", true],
    ["127.0.0.1", false],
    ["127.255.0.9", false],
    ["0.0.0.0", false],
    ["10.0.0.1", false],
    ["172.16.5.4", false],
    ["172.31.255.255", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["100.127.255.254", false],
    ["224.0.0.251", false],
    ["239.255.255.250", false],
    ["255.255.255.255", false],
    ["192.0.2.10", false],
    ["198.18.0.1", false],
    ["240.0.0.1", false],
    ["::", false],
    ["::1", false],
    ["fe80::1", false],
    ["fc00::1", false],
    ["fd12:3456::1", false],
    ["ff02::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:10.0.0.1", false],
    ["64:ff9b::7f00:1", false],
    ["2002:7f00:1::1", false],
    ["2001:db8::1", false],
    ["localhost", false],
    ["not an address", false],
  ])("%s → %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("MARGINALIA_IMPORT_ALLOW_HOSTS", () => {
  const allowances = parseHostAllowances(" 127.0.0.1 , Fake.Test:8080,");

  test.each([
    ["http://127.0.0.1:4000/x", true],
    ["http://127.0.0.1/x", true],
    ["http://fake.test:8080/", true],
    ["http://FAKE.test:8080/", true],
    ["http://fake.test:8081/", false],
    ["http://fake.test/", false],
    ["http://127.0.0.2:4000/", false],
    ["https://example.substack.com/", false],
  ])("%s allowed: %s", (url, expected) => {
    expect(isAllowanceFor(new URL(url), allowances)).toBe(expected);
  });

  test("unset means no exceptions", () => {
    expect(parseHostAllowances(undefined)).toEqual([]);
    expect(parseHostAllowances("")).toEqual([]);
  });
});

test("a refusal is found inside the cause chain fetch wraps it in", () => {
  const refusal = new FetchRefusedError("not_public", "internal.example");
  const wrapped = new TypeError("fetch failed", { cause: new Error("connect", { cause: refusal }) });
  expect(findFetchRefusal(wrapped)).toBe(refusal);
  expect(findFetchRefusal(new TypeError("fetch failed"))).toBeNull();
});
