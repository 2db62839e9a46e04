/**
 * The security headers of every response, decided in one place (lib/web/server.ts applies them before Next
 * answers). Pure: the nonce and the configuration come in, the headers go out.
 */

export interface HeaderContext {
  /** The request's path. */
  path: string;
  /** A fresh random nonce for this request (pages only). */
  nonce: string;
  /** BETTER_AUTH_URL: where people reach the app. https there turns on HSTS and upgrade-insecure-requests. */
  publicUrl: string | undefined;
  /** `next dev` needs eval (React's debugging) and a websocket for hot reload. */
  dev: boolean;
}

const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
].join(", ");

export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/**
 * Pages: scripts only from our origin with this request's nonce ('strict-dynamic' lets Next's loader add its
 * chunks); styles allow inline because React style attributes and the charts' SVG use them (they cannot carry a
 * nonce, and style injection is no script execution); nothing may frame the app or be framed by it.
 */
export function contentSecurityPolicy(context: Pick<HeaderContext, "nonce" | "publicUrl" | "dev">): string {
  const https = context.publicUrl?.startsWith("https://") === true;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${context.nonce}' 'strict-dynamic'${context.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${context.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers for a response to `path`. */
export function securityHeaders(context: HeaderContext): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (context.publicUrl?.startsWith("https://")) {
    headers["Strict-Transport-Security"] = "max-age=31536000";
  }
  if (isApiPath(context.path)) {
    // Answers hold people's words and decisions: never kept by a browser or a shared cache.
    headers["Cache-Control"] = "no-store";
    headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'";
  } else {
    headers["Content-Security-Policy"] = contentSecurityPolicy(context);
  }
  return headers;
}
