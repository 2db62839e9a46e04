-- CreateEnum
CREATE TYPE "Role" AS ENUM ('AUTHOR', 'MODERATOR', 'VIEWER');

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('SUBSTACK', 'DISQUS', 'WORDPRESS', 'FILE');

-- CreateEnum
CREATE TYPE "CommentStatus" AS ENUM ('NONE', 'APPROVED', 'REJECTED', 'SYSTEM_WITHHELD');

-- CreateEnum
CREATE TYPE "CommenterStatus" AS ENUM ('ACTIVE', 'WATCHED', 'PREMOD', 'SUSPENDED', 'BANNED');

-- CreateEnum
CREATE TYPE "Tone" AS ENUM ('analytical', 'skeptical', 'dismissive', 'supportive', 'hostile', 'neutral');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('agree', 'disagree', 'neutral');

-- CreateEnum
CREATE TYPE "SentimentLabel" AS ENUM ('positive', 'negative', 'neutral');

-- CreateEnum
CREATE TYPE "FlagReason" AS ENUM ('OFFENSIVE', 'ABUSIVE', 'SPAM', 'OFF_TOPIC', 'MISINFORMATION', 'HARASSMENT', 'HATE_SPEECH', 'OTHER', 'BANNED_WORD', 'SUSPECT_WORD', 'HOSTILITY', 'INSULT', 'THREAT', 'LINKS', 'NEW_COMMENTER', 'REPEAT_TEXT', 'COMMENTER_STATUS', 'SCORER_FLAG', 'HEATED_THREAD', 'NEEDS_AUTHOR_ATTENTION', 'OFF_TOPIC_DRIFT', 'BRIGADING_SUSPECTED');

-- CreateEnum
CREATE TYPE "FlagStatus" AS ENUM ('OPEN', 'RESOLVED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "ModerationActionKind" AS ENUM ('COMMENT_APPROVED', 'COMMENT_REJECTED', 'COMMENT_WITHHELD', 'COMMENT_FLAGGED', 'POST_FLAGGED', 'FLAG_RESOLVED', 'FLAG_DISMISSED', 'NOTE_ADDED', 'COMMENTER_STATUS_CHANGED', 'LABEL_CORRECTED', 'IMPORT_STARTED', 'IMPORT_FINISHED', 'SETTINGS_CHANGED', 'USER_CREATED', 'USER_ROLE_CHANGED');

-- CreateEnum
CREATE TYPE "ModerationTargetType" AS ENUM ('COMMENT', 'POST', 'COMMENTER', 'PUBLICATION', 'IMPORT_RUN', 'USER');

-- CreateEnum
CREATE TYPE "ImportSource" AS ENUM ('SUBSTACK', 'FILE');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateTable
CREATE TABLE "publication" (
    "id" SERIAL NOT NULL,
    "platform" "Platform" NOT NULL,
    "name" TEXT NOT NULL,
    "base_url" TEXT NOT NULL,
    "external_id" TEXT,
    "moderation_settings" JSONB NOT NULL DEFAULT '{}',
    "sync_interval_minutes" INTEGER,
    "last_synced_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "post" (
    "id" SERIAL NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "external_id" TEXT NOT NULL,
    "slug" TEXT,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "url" TEXT,
    "body_html" TEXT,
    "published_at" TIMESTAMPTZ,
    "upstream_comment_count" INTEGER,
    "audience" TEXT,
    "comments_open" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commenter" (
    "id" SERIAL NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "handle" TEXT,
    "photo_url" TEXT,
    "first_seen_at" TIMESTAMPTZ NOT NULL,
    "status" "CommenterStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "commenter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment" (
    "id" SERIAL NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "post_id" INTEGER NOT NULL,
    "external_id" TEXT NOT NULL,
    "parent_id" INTEGER,
    "parent_external_id" TEXT,
    "ancestor_path" TEXT NOT NULL DEFAULT '',
    "depth" INTEGER NOT NULL DEFAULT 0,
    "commenter_id" INTEGER,
    "author_name" TEXT NOT NULL,
    "body" TEXT,
    "body_hash" TEXT,
    "posted_at" TIMESTAMPTZ NOT NULL,
    "edited_at" TIMESTAMPTZ,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "upstream_status" TEXT,
    "automod_hidden" BOOLEAN NOT NULL DEFAULT false,
    "vanished_at" TIMESTAMPTZ,
    "reactions" JSONB NOT NULL DEFAULT '{}',
    "reaction_count" INTEGER NOT NULL DEFAULT 0,
    "status" "CommentStatus" NOT NULL DEFAULT 'NONE',
    "corrected_tone" "Tone",
    "corrected_stance" "Stance",
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment_score" (
    "comment_id" INTEGER NOT NULL,
    "scorer_version" TEXT NOT NULL,
    "tone" "Tone" NOT NULL,
    "secondary_tone" "Tone",
    "tone_scores" JSONB NOT NULL,
    "stance" "Stance" NOT NULL,
    "stance_confidence" DOUBLE PRECISION NOT NULL,
    "sentiment_score" DOUBLE PRECISION NOT NULL,
    "sentiment_comparative" DOUBLE PRECISION NOT NULL,
    "sentiment_label" "SentimentLabel" NOT NULL,
    "hostility" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "insult" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "profanity" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "threat" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "identity_attack" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "flag" BOOLEAN NOT NULL DEFAULT false,
    "flag_reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "cues" JSONB NOT NULL DEFAULT '[]',
    "scored_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_score_pkey" PRIMARY KEY ("comment_id")
);

-- CreateTable
CREATE TABLE "flag" (
    "id" SERIAL NOT NULL,
    "comment_id" INTEGER,
    "post_id" INTEGER,
    "reason" "FlagReason" NOT NULL,
    "note" TEXT,
    "raised_by_id" TEXT,
    "rule" TEXT,
    "matched_text" TEXT,
    "status" "FlagStatus" NOT NULL DEFAULT 'OPEN',
    "resolved_by_id" TEXT,
    "resolved_at" TIMESTAMPTZ,
    "resolution_note" TEXT,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "flag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "moderator_note" (
    "id" SERIAL NOT NULL,
    "comment_id" INTEGER,
    "commenter_id" INTEGER,
    "author_id" TEXT,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "moderator_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "moderation_action" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" TEXT,
    "action" "ModerationActionKind" NOT NULL,
    "target_type" "ModerationTargetType" NOT NULL,
    "target_id" TEXT NOT NULL,
    "comment_id" INTEGER,
    "post_id" INTEGER,
    "commenter_id" INTEGER,
    "publication_id" INTEGER,
    "reason" "FlagReason",
    "rule" TEXT,
    "matched_text" TEXT,
    "note" TEXT,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "moderation_action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "label_correction" (
    "id" SERIAL NOT NULL,
    "comment_id" INTEGER NOT NULL,
    "user_id" TEXT,
    "scorer_version" TEXT,
    "old_tone" "Tone",
    "new_tone" "Tone",
    "old_stance" "Stance",
    "new_stance" "Stance",
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "label_correction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_run" (
    "id" SERIAL NOT NULL,
    "publication_id" INTEGER,
    "source" "ImportSource" NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "status" "ImportStatus" NOT NULL DEFAULT 'QUEUED',
    "posts_total" INTEGER,
    "posts_seen" INTEGER NOT NULL DEFAULT 0,
    "posts_done" INTEGER NOT NULL DEFAULT 0,
    "comments_new" INTEGER NOT NULL DEFAULT 0,
    "comments_updated" INTEGER NOT NULL DEFAULT 0,
    "comments_unchanged" INTEGER NOT NULL DEFAULT 0,
    "comments_vanished" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "cursor" JSONB NOT NULL DEFAULT '{}',
    "started_by_id" TEXT,
    "heartbeat_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ,

    CONSTRAINT "import_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "token" TEXT NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ,
    "refresh_token_expires_at" TIMESTAMPTZ,
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last_request" BIGINT NOT NULL,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "publication_base_url_key" ON "publication"("base_url");

-- CreateIndex
CREATE INDEX "post_publication_id_published_at_idx" ON "post"("publication_id", "published_at");

-- CreateIndex
CREATE UNIQUE INDEX "post_publication_id_external_id_key" ON "post"("publication_id", "external_id");

-- CreateIndex
CREATE INDEX "commenter_publication_id_status_idx" ON "commenter"("publication_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "commenter_publication_id_external_id_key" ON "commenter"("publication_id", "external_id");

-- CreateIndex
CREATE INDEX "comment_post_id_posted_at_idx" ON "comment"("post_id", "posted_at");

-- CreateIndex
CREATE INDEX "comment_commenter_id_posted_at_idx" ON "comment"("commenter_id", "posted_at");

-- CreateIndex
CREATE INDEX "comment_publication_id_status_posted_at_idx" ON "comment"("publication_id", "status", "posted_at");

-- CreateIndex
CREATE INDEX "comment_publication_id_posted_at_idx" ON "comment"("publication_id", "posted_at");

-- CreateIndex
CREATE INDEX "comment_publication_id_body_hash_idx" ON "comment"("publication_id", "body_hash");

-- CreateIndex
CREATE INDEX "comment_parent_id_idx" ON "comment"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "comment_publication_id_external_id_key" ON "comment"("publication_id", "external_id");

-- CreateIndex
CREATE INDEX "comment_score_scorer_version_idx" ON "comment_score"("scorer_version");

-- CreateIndex
CREATE INDEX "flag_comment_id_status_idx" ON "flag"("comment_id", "status");

-- CreateIndex
CREATE INDEX "flag_post_id_status_idx" ON "flag"("post_id", "status");

-- CreateIndex
CREATE INDEX "flag_status_created_at_idx" ON "flag"("status", "created_at");

-- CreateIndex
CREATE INDEX "moderator_note_commenter_id_created_at_idx" ON "moderator_note"("commenter_id", "created_at");

-- CreateIndex
CREATE INDEX "moderator_note_comment_id_created_at_idx" ON "moderator_note"("comment_id", "created_at");

-- CreateIndex
CREATE INDEX "moderation_action_created_at_idx" ON "moderation_action"("created_at");

-- CreateIndex
CREATE INDEX "moderation_action_actor_id_created_at_idx" ON "moderation_action"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "moderation_action_action_created_at_idx" ON "moderation_action"("action", "created_at");

-- CreateIndex
CREATE INDEX "moderation_action_comment_id_created_at_idx" ON "moderation_action"("comment_id", "created_at");

-- CreateIndex
CREATE INDEX "moderation_action_commenter_id_created_at_idx" ON "moderation_action"("commenter_id", "created_at");

-- CreateIndex
CREATE INDEX "moderation_action_target_type_target_id_idx" ON "moderation_action"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "label_correction_comment_id_created_at_idx" ON "label_correction"("comment_id", "created_at");

-- CreateIndex
CREATE INDEX "label_correction_created_at_idx" ON "label_correction"("created_at");

-- CreateIndex
CREATE INDEX "import_run_publication_id_started_at_idx" ON "import_run"("publication_id", "started_at");

-- CreateIndex
CREATE INDEX "import_run_status_idx" ON "import_run"("status");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "account_user_id_idx" ON "account"("user_id");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "rate_limit_key_key" ON "rate_limit"("key");

-- AddForeignKey
ALTER TABLE "post" ADD CONSTRAINT "post_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commenter" ADD CONSTRAINT "commenter_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_commenter_id_fkey" FOREIGN KEY ("commenter_id") REFERENCES "commenter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_score" ADD CONSTRAINT "comment_score_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag" ADD CONSTRAINT "flag_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag" ADD CONSTRAINT "flag_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag" ADD CONSTRAINT "flag_raised_by_id_fkey" FOREIGN KEY ("raised_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag" ADD CONSTRAINT "flag_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderator_note" ADD CONSTRAINT "moderator_note_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderator_note" ADD CONSTRAINT "moderator_note_commenter_id_fkey" FOREIGN KEY ("commenter_id") REFERENCES "commenter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderator_note" ADD CONSTRAINT "moderator_note_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_action" ADD CONSTRAINT "moderation_action_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_action" ADD CONSTRAINT "moderation_action_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_action" ADD CONSTRAINT "moderation_action_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_action" ADD CONSTRAINT "moderation_action_commenter_id_fkey" FOREIGN KEY ("commenter_id") REFERENCES "commenter"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "label_correction" ADD CONSTRAINT "label_correction_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "label_correction" ADD CONSTRAINT "label_correction_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_run" ADD CONSTRAINT "import_run_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_run" ADD CONSTRAINT "import_run_started_by_id_fkey" FOREIGN KEY ("started_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───── Hand-written: rules Prisma's schema language cannot express ─────

-- A flag is on exactly one thing: a comment or a post.
ALTER TABLE "flag" ADD CONSTRAINT "flag_one_target" CHECK (num_nonnulls("comment_id", "post_id") = 1);
-- A note is on a comment or a commenter.
ALTER TABLE "moderator_note" ADD CONSTRAINT "moderator_note_one_target" CHECK (num_nonnulls("comment_id", "commenter_id") >= 1);

-- The moderation log is append-only: nothing updates or deletes a row of it, whoever asks.
CREATE FUNCTION "moderation_action_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'moderation_action is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "moderation_action_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "moderation_action"
  FOR EACH ROW EXECUTE FUNCTION "moderation_action_append_only"();
CREATE TRIGGER "moderation_action_no_truncate"
  BEFORE TRUNCATE ON "moderation_action"
  FOR EACH STATEMENT EXECUTE FUNCTION "moderation_action_append_only"();
