import "server-only";
import { NextRequest } from "next/server";
import { z } from "zod";
import { connections } from "@/lib/db/connections";
import { env } from "@/lib/env";

/**
 * Read-your-own-writes with a read replica: a successful change (any POST, PUT, PATCH or DELETE through
 * `route()`) sets this cookie to the time until which the person's reads go to the primary. It names no one and
 * grants nothing: forged or stale, it only sends reads to the primary, which always has the newest rows.
 */
export const OWN_WRITES_COOKIE = "marginalia-own-writes";

/** How long after a change a person's reads stay on the primary: well past a healthy replica's delay. */
export const OWN_WRITES_SECONDS = 10;

const untilSchema = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);

/** True when the request carries a recent own-write mark (and a replica is configured at all). */
export function recentOwnWrite(request: Request, now = Date.now()): boolean {
  if (!connections().replica) return false;
  const until = untilSchema.safeParse(
    new NextRequest(request.url, { headers: request.headers }).cookies.get(OWN_WRITES_COOKIE)?.value,
  );
  return until.success && until.data > now && until.data <= now + OWN_WRITES_SECONDS * 1000;
}

/** The Set-Cookie of a change just made, or null without a replica (nothing to route then). */
export function ownWriteCookie(now = Date.now()): string | null {
  if (!connections().replica) return null;
  const secure = env().BETTER_AUTH_URL?.startsWith("https://") ? "; Secure" : "";
  return `${OWN_WRITES_COOKIE}=${now + OWN_WRITES_SECONDS * 1000}; Max-Age=${OWN_WRITES_SECONDS}; Path=/; HttpOnly; SameSite=Lax${secure}`;
}
