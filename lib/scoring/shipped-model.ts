/** The weights the product ships (model/*.json), validated at load. */
import { createRefiner, type EncoderFile, encoderFileSchema } from "./encoder-head";
import { hashString } from "./hash";
import { type ModelFile, modelFileSchema } from "./model";
import encoderJson from "./model/encoder-weights.json";
import weightsJson from "./model/weights.json";
import { createScorer } from "./score";
import { scorerVersionFor } from "./version";

export const MODEL_FILE: ModelFile = modelFileSchema.parse(weightsJson);
export const SCORER_VERSION = scorerVersionFor(MODEL_FILE);
export const scoreComment = createScorer(MODEL_FILE);

export const ENCODER_FILE: EncoderFile = encoderFileSchema.parse(encoderJson);
/**
 * The refiner reads the fast heads' probabilities, so it is only valid over the fast scorer it was trained
 * with; after a change of lexicons or weights without a retrain it stays off (a unit test fails meanwhile).
 */
export const ENCODER_MATCHES_FAST = ENCODER_FILE.fastScorerVersion === SCORER_VERSION;
/** The encoder refiner's version: its weights' hash (with the fast scorer version it stacks on). */
const { training: _notes, ...encoderWeights } = ENCODER_FILE;
export const ENCODER_VERSION = `encoder-1+${hashString(JSON.stringify(encoderWeights)).slice(0, 10)}`;
export const refineWithEmbedding = createRefiner(ENCODER_FILE);
