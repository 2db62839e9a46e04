/**
 * A scorer's version = manual version + hash of every data file its output depends on (lexicons, AFINN with
 * corrections, model weights). Bump SCORER_CODE_VERSION when scoring CODE changes what it outputs; data
 * changes bump the hash on their own.
 */
import { hashString } from "./hash";
import { LEXICON_DATA_FOR_HASH } from "./lexicons";
import type { ModelFile } from "./model";

export const SCORER_CODE_VERSION = "2.0.0";

/** The version of the fast scorer over `model`; its `training` notes (figures, settings) are not hashed. */
export function scorerVersionFor(model: ModelFile): string {
  const { training: _notes, ...weights } = model;
  return `${SCORER_CODE_VERSION}+${hashString(JSON.stringify({ lexicons: LEXICON_DATA_FOR_HASH, weights })).slice(0, 10)}`;
}
