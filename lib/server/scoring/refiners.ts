import "server-only";
import { env } from "@/lib/env";
import { ENCODER_VERSION } from "@/lib/scoring/shipped-model";
import type { CurrentVersions } from "./labels";

/** The global refiners switched on here and the version each runs at (see labels.ts). */
export function currentRefinerVersions(): CurrentVersions {
  return { ENCODER: env().MARGINALIA_ENCODER === "on" ? ENCODER_VERSION : undefined };
}
