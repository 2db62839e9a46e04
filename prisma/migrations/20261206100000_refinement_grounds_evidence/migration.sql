-- A refiner's grounds for its flag and, for a language model, the comment's words that decided the tone.
ALTER TABLE "comment_refinement" ADD COLUMN "flag_reasons" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "evidence" TEXT;
