import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/web/security-headers";

const base = { nonce: "abc123", publicUrl: "http://localhost:3000", dev: false };

describe("securityHeaders", () => {
  test("a page gets a nonce-based script policy, no eval, no framing", () => {
    const headers = securityHeaders({ ...base, path: "/posts/1" });
    const csp = headers["Content-Security-Policy"] ?? "";
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(headers["Cache-Control"]).toBeUndefined();
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });

  test.each(["/api/posts", "/api/auth/sign-in/email", "/api"])(
    "%s is never cached and runs no content",
    (path) => {
      const headers = securityHeaders({ ...base, path });
      expect(headers["Cache-Control"]).toBe("no-store");
      expect(headers["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    },
  );

  test("/apis-of-the-world is a page, not the API", () => {
    expect(securityHeaders({ ...base, path: "/apis-of-the-world" })["Cache-Control"]).toBeUndefined();
  });

  test("reached over https: HSTS and upgrade-insecure-requests", () => {
    const headers = securityHeaders({ ...base, publicUrl: "https://marginalia.example", path: "/" });
    expect(headers["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(headers["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  test("the development server may eval and open its hot-reload socket", () => {
    const csp = contentSecurityPolicy({ ...base, dev: true });
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("connect-src 'self' ws: wss:");
  });
});
