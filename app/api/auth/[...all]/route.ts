import { toNextJsHandler } from "better-auth/next-js";
import { withBodyLimit } from "@/lib/server/api";
import { auth } from "@/lib/server/auth/auth";

// Better Auth's own endpoints (sign-in, sign-out, session); it checks origins and rate-limits itself. Bodies are
// bounded first, like every API route's (64 KB, 413).
export const { GET, POST } = toNextJsHandler((request: Request) =>
  withBodyLimit(request, (limited) => auth().handler(limited)),
);
