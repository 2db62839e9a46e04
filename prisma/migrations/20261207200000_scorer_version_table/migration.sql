-- A score's fast-scorer version moves to its own narrow row. A rescore whose output is the same (the digest
-- matches) only stamps the new version: in comment_score that rewrote every whole score row (cues included,
-- ~1.3 kB and ~3.6 kB of WAL each) and fed the rollup, queue-rank and insight triggers' transition tables; here
-- it rewrites a row of a few dozen bytes that no trigger watches. Stale scores are the ones whose version row
-- is missing or names another version; a version row lives and dies with its score (the foreign key cascades).
-- comment_score.label_version now names a refiner's version only (null when the fast scorer's labels are shown:
-- that version is this table's); older rows may still hold the fast scorer's version there, which readers ignore.

-- CreateTable
CREATE TABLE "comment_score_version" (
    "comment_id" INTEGER NOT NULL,
    "scorer_version" TEXT NOT NULL,

    CONSTRAINT "comment_score_version_pkey" PRIMARY KEY ("comment_id")
);

INSERT INTO "comment_score_version" ("comment_id", "scorer_version")
SELECT "comment_id", "scorer_version" FROM "comment_score" ORDER BY "comment_id";

-- AddForeignKey
ALTER TABLE "comment_score_version" ADD CONSTRAINT "comment_score_version_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment_score"("comment_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "comment_score" DROP COLUMN "scorer_version";
