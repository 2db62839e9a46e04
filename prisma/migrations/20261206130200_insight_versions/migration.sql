-- AlterTable
ALTER TABLE "post_insight_state" ADD COLUMN     "arguments_version" TEXT,
ADD COLUMN     "entities_version" TEXT;

-- Posts from before the insights existed are due once (the triggers stamp only comments scored since).
INSERT INTO "post_insight_state" ("post_id", "changed_at")
SELECT "id", now() FROM "post"
ON CONFLICT ("post_id") DO NOTHING;
