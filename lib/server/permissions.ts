import "server-only";
import type { Role } from "@/lib/db/generated/client";

/**
 * What each role may do. Every route handler and server action names the capability it needs;
 * the UI only hides what these checks already refuse.
 */
export const CAPABILITIES = {
  /** Dashboards, threads, charts, exports. */
  read: ["AUTHOR", "MODERATOR", "VIEWER"],
  /** Queue decisions, flags, notes, commenter status, label corrections. */
  moderate: ["AUTHOR", "MODERATOR"],
  /** Users, imports, word lists and settings. */
  administer: ["AUTHOR"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export function can(viewer: Viewer | null, capability: Capability): boolean {
  return viewer !== null && (CAPABILITIES[capability] as readonly Role[]).includes(viewer.role);
}
