import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/server/auth/auth";

// Better Auth's own endpoints (sign-in, sign-out, session); it checks origins and rate-limits itself.
export const { GET, POST } = toNextJsHandler((request: Request) => auth().handler(request));
