import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/lib/server/auth/auth";
import { type Capability, can, type Viewer } from "@/lib/server/permissions";

const ROLE_VALUES = new Set(["AUTHOR", "MODERATOR", "VIEWER"]);

/** The signed-in person for a request's headers, or null. */
export async function viewerFromHeaders(requestHeaders: Headers): Promise<Viewer | null> {
  const session = await auth().api.getSession({ headers: requestHeaders });
  // Disabling an account ends its sessions; this refuses one that would still be presented.
  if (!session || (session.user as { disabledAt?: unknown }).disabledAt) return null;
  const role = (session.user as { role?: unknown }).role;
  return {
    id: session.user.id,
    email: session.user.email,
    name: session.user.name,
    role: typeof role === "string" && ROLE_VALUES.has(role) ? (role as Viewer["role"]) : "VIEWER",
  };
}

/** For pages and layouts: the viewer, or a redirect to sign-in; a wrong role renders the 403 page. */
export async function requirePageViewer(capability: Capability = "read"): Promise<Viewer> {
  const viewer = await viewerFromHeaders(await headers());
  if (!viewer) redirect("/sign-in");
  if (!can(viewer, capability)) forbidden();
  return viewer;
}
