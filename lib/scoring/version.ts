/**
 * SCORER_VERSION = manual version + hash of every data file the output depends on (lexicons, AFINN with
 * corrections, model weights), computed once at load. Bump SCORER_CODE_VERSION when scoring CODE changes
 * what it outputs; data changes bump the hash on their own.
 */
import { hashString } from "./hash";
import { LEXICON_DATA_FOR_HASH } from "./lexicons";
import { MODEL_FILE } from "./model";

export const SCORER_CODE_VERSION = "1.2.0";

export const SCORER_VERSION = `${SCORER_CODE_VERSION}+${hashString(
  JSON.stringify({ lexicons: LEXICON_DATA_FOR_HASH, model: MODEL_FILE }),
).slice(0, 10)}`;
