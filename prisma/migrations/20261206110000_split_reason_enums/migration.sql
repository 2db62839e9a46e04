-- One enum per meaning instead of FlagReason's three lists: a person's reason about a comment, the automatic
-- rule's reason, a post flag's reason. Rows keep their reason, moved to the column of its meaning.

-- CreateEnum
CREATE TYPE "CommentReason" AS ENUM ('OFFENSIVE', 'ABUSIVE', 'SPAM', 'OFF_TOPIC', 'MISINFORMATION', 'HARASSMENT', 'HATE_SPEECH', 'OTHER');

-- CreateEnum
CREATE TYPE "RuleReason" AS ENUM ('BANNED_WORD', 'SUSPECT_WORD', 'HOSTILITY', 'INSULT', 'THREAT', 'LINKS', 'NEW_COMMENTER', 'REPEAT_TEXT', 'COMMENTER_STATUS', 'SCORER_FLAG');

-- CreateEnum
CREATE TYPE "PostFlagReason" AS ENUM ('HEATED_THREAD', 'NEEDS_AUTHOR_ATTENTION', 'OFF_TOPIC_DRIFT', 'BRIGADING_SUSPECTED', 'OTHER');

-- AlterTable
ALTER TABLE "flag" ADD COLUMN     "comment_reason" "CommentReason",
ADD COLUMN     "post_reason" "PostFlagReason",
ADD COLUMN     "rule_reason" "RuleReason";

-- AlterTable
ALTER TABLE "moderation_action" ADD COLUMN     "comment_reason" "CommentReason",
ADD COLUMN     "post_reason" "PostFlagReason",
ADD COLUMN     "rule_reason" "RuleReason";

-- A flag on a post has a post reason (OTHER when its old one was none of them); on a comment, a rule's reason
-- when a rule raised it, else a person's (OTHER when its old one was none of them).
UPDATE "flag" SET "post_reason" = CASE
    WHEN "reason"::text IN (SELECT unnest(enum_range(NULL::"PostFlagReason"))::text) THEN "reason"::text::"PostFlagReason"
    ELSE 'OTHER' END
  WHERE "post_id" IS NOT NULL;
UPDATE "flag" SET "rule_reason" = "reason"::text::"RuleReason"
  WHERE "post_id" IS NULL AND "reason"::text IN (SELECT unnest(enum_range(NULL::"RuleReason"))::text);
UPDATE "flag" SET "comment_reason" = CASE
    WHEN "reason"::text IN (SELECT unnest(enum_range(NULL::"CommentReason"))::text) THEN "reason"::text::"CommentReason"
    ELSE 'OTHER' END
  WHERE "post_id" IS NULL AND "rule_reason" IS NULL;

-- The log is append-only; only the migration (the tables' owner) lifts the trigger, inside this transaction.
ALTER TABLE "moderation_action" DISABLE TRIGGER "moderation_action_no_update_or_delete";
UPDATE "moderation_action" SET "post_reason" = CASE
    WHEN "reason"::text IN (SELECT unnest(enum_range(NULL::"PostFlagReason"))::text) THEN "reason"::text::"PostFlagReason"
    ELSE 'OTHER' END
  WHERE "reason" IS NOT NULL AND "target_type" = 'POST';
UPDATE "moderation_action" SET "rule_reason" = "reason"::text::"RuleReason"
  WHERE "reason" IS NOT NULL AND "target_type" <> 'POST'
    AND "reason"::text IN (SELECT unnest(enum_range(NULL::"RuleReason"))::text);
UPDATE "moderation_action" SET "comment_reason" = CASE
    WHEN "reason"::text IN (SELECT unnest(enum_range(NULL::"CommentReason"))::text) THEN "reason"::text::"CommentReason"
    ELSE 'OTHER' END
  WHERE "reason" IS NOT NULL AND "target_type" <> 'POST' AND "rule_reason" IS NULL;
ALTER TABLE "moderation_action" ENABLE TRIGGER "moderation_action_no_update_or_delete";

ALTER TABLE "flag" DROP COLUMN "reason";
ALTER TABLE "moderation_action" DROP COLUMN "reason";

-- DropEnum
DROP TYPE "FlagReason";

-- A flag says why in exactly one column, the one for what it is on and who raised it.
ALTER TABLE "flag" ADD CONSTRAINT "flag_one_reason" CHECK (
  CASE WHEN "post_id" IS NOT NULL
    THEN "post_reason" IS NOT NULL AND num_nonnulls("comment_reason", "rule_reason") = 0
    ELSE "post_reason" IS NULL AND num_nonnulls("comment_reason", "rule_reason") = 1
  END
);
-- A log row about a post never carries a comment's or a rule's reason, and one about a comment never a post's.
ALTER TABLE "moderation_action" ADD CONSTRAINT "moderation_action_reason_kinds" CHECK (
  "post_reason" IS NULL OR num_nonnulls("comment_reason", "rule_reason") = 0
);
