import "server-only";
import { env } from "@/lib/env";
import { ENCODER_MATCHES_FAST, ENCODER_VERSION } from "@/lib/scoring/shipped-model";
import type { CurrentVersions } from "./labels";
import { llmConfig, llmVersion } from "./llm-client";

/** The global refiners switched on here and the version each runs at (see labels.ts). */
export function currentRefinerVersions(): CurrentVersions {
  const llm = llmConfig();
  return {
    ENCODER: encoderEnabled() ? ENCODER_VERSION : undefined,
    LLM: llm ? llmVersion(llm.model) : undefined,
  };
}

/** The sentence-encoder refiner runs unless switched off, and only over the fast scorer it was trained on. */
export function encoderEnabled(): boolean {
  return env().MARGINALIA_ENCODER === "on" && ENCODER_MATCHES_FAST;
}
