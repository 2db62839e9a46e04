import type { EntityKind } from "@/lib/db/generated/enums";

/** The database enum EntityKind. */
export const ENTITY_KINDS = [
  "PERSON",
  "PLACE",
  "ORGANIZATION",
  "OTHER",
] as const satisfies readonly EntityKind[];
export type EntityKindName = (typeof ENTITY_KINDS)[number];

/** One mention of a named entity in a text: where it is, its sentence, and its own merge key. */
export interface EntityMentionSpan {
  surface: string;
  /** The mention's merge key (aliases from the gazetteer already folded in). */
  key: string;
  kind: EntityKindName;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
}
