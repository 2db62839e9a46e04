-- CreateEnum
CREATE TYPE "LabelSource" AS ENUM ('FAST', 'ENCODER', 'PUBLICATION', 'LLM');

-- AlterTable
ALTER TABLE "comment_score" ADD COLUMN     "fast_labels" JSONB,
ADD COLUMN     "flag_probability" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "label_source" "LabelSource" NOT NULL DEFAULT 'FAST',
ADD COLUMN     "label_version" TEXT,
ADD COLUMN     "sentiment_confidence" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "comment_refinement" (
    "comment_id" INTEGER NOT NULL,
    "refiner" "LabelSource" NOT NULL,
    "version" TEXT NOT NULL,
    "tone" "Tone" NOT NULL,
    "tone_scores" JSONB NOT NULL,
    "secondary_tone" "Tone",
    "stance" "Stance" NOT NULL,
    "stance_confidence" DOUBLE PRECISION NOT NULL,
    "sentiment_label" "SentimentLabel" NOT NULL,
    "sentiment_confidence" DOUBLE PRECISION NOT NULL,
    "flag" BOOLEAN NOT NULL,
    "flag_probability" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_refinement_pkey" PRIMARY KEY ("comment_id","refiner")
);

-- CreateTable
CREATE TABLE "publication_model" (
    "id" SERIAL NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "base_version" TEXT NOT NULL,
    "heads" JSONB NOT NULL,
    "corrections" INTEGER NOT NULL,
    "metrics" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMPTZ,

    CONSTRAINT "publication_model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "llm_label_cache" (
    "key" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "answer" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "llm_label_cache_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "comment_refinement_refiner_version_idx" ON "comment_refinement"("refiner", "version");

-- CreateIndex
CREATE INDEX "publication_model_publication_id_created_at_idx" ON "publication_model"("publication_id", "created_at");

-- AddForeignKey
ALTER TABLE "comment_refinement" ADD CONSTRAINT "comment_refinement_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication_model" ADD CONSTRAINT "publication_model_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one active refitted model per publication.
CREATE UNIQUE INDEX "publication_model_one_active_idx" ON "publication_model"("publication_id") WHERE "active";
