-- AlterEnum
ALTER TYPE "ModerationActionKind" ADD VALUE 'PUBLICATION_MODEL_REFITTED';
ALTER TYPE "ModerationActionKind" ADD VALUE 'PUBLICATION_MODEL_ACTIVATED';
ALTER TYPE "ModerationActionKind" ADD VALUE 'PUBLICATION_MODEL_DEACTIVATED';

-- Refitting a publication's heads and its correction counts read only the corrected comments (partial: Prisma
-- cannot declare it, and a diff leaves it alone like the one-active-model index).
CREATE INDEX "comment_corrected_idx" ON "comment"("publication_id")
  WHERE "corrected_tone" IS NOT NULL OR "corrected_stance" IS NOT NULL;
