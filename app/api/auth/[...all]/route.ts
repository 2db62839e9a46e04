import { toNextJsHandler } from "better-auth/next-js";
import { handleAuthRequest } from "@/lib/server/auth/http";

// Better Auth's endpoints that we use (sign-in, sign-out, session); it checks origins and rate-limits itself.
export const { GET, POST } = toNextJsHandler(handleAuthRequest);
