-- A rescore writes only the scores whose output changed: each score row keeps a digest of the fast scorer's
-- output (lib/server/scoring/score-comments.ts), and a comment whose new output has the same digest only has
-- its version stamped, which moves no rollup, queue rank or insight mark.

-- AlterTable
ALTER TABLE "comment_score" ADD COLUMN "score_digest" TEXT;

-- DropIndex: stale scores are found by a join in comment id order, never through this index, and every score
-- write paid for it.
DROP INDEX "comment_score_scorer_version_idx";

-- The digest describes the values its writer wrote. Any other write of those values (a refiner's labels shown
-- over the fast ones, a repair by hand) drops it, so the next rescore rewrites that row in full.
CREATE FUNCTION comment_score_digest_dropped() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.score_digest := NULL;
  RETURN NEW;
END
$$;

CREATE TRIGGER comment_score_digest_guard BEFORE UPDATE ON comment_score FOR EACH ROW
  WHEN (NEW.score_digest IS NOT DISTINCT FROM OLD.score_digest AND NEW.score_digest IS NOT NULL
    AND (NEW.tone, NEW.secondary_tone, NEW.tone_scores, NEW.stance, NEW.stance_confidence, NEW.sentiment_score,
         NEW.sentiment_comparative, NEW.sentiment_label, NEW.hostility, NEW.insult, NEW.profanity, NEW.threat,
         NEW.identity_attack, NEW.flag, NEW.flag_reasons, NEW.sentiment_confidence, NEW.flag_probability, NEW.cues)
      IS DISTINCT FROM
        (OLD.tone, OLD.secondary_tone, OLD.tone_scores, OLD.stance, OLD.stance_confidence, OLD.sentiment_score,
         OLD.sentiment_comparative, OLD.sentiment_label, OLD.hostility, OLD.insult, OLD.profanity, OLD.threat,
         OLD.identity_attack, OLD.flag, OLD.flag_reasons, OLD.sentiment_confidence, OLD.flag_probability, OLD.cues))
  EXECUTE FUNCTION comment_score_digest_dropped();

-- ───────────── score triggers: the statement's comments by id, and only the rows whose values changed ─────────────
-- Joined to a transition table (no statistics), the planner read all of `comment` for every scoring statement
-- (a merge join from the first comment, or a hash of the whole table): the comments are now looked up by the
-- ids of the statement's rows. An update touches the rollups and the insight marks only for the rows whose
-- counted values (the rollups) or labels and values (the insights) changed; a rescore that only stamps a new
-- version moves nothing.

CREATE OR REPLACE FUNCTION rollup_score_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_apply(ARRAY(
    SELECT rollup_contribution_of(-1, c, NULL::comment_score) FROM comment c JOIN new_rows n ON n.comment_id = c.id
    WHERE c.id = ANY(ARRAY(SELECT comment_id FROM new_rows))
    UNION ALL
    SELECT rollup_contribution_of(1, c, n) FROM comment c JOIN new_rows n ON n.comment_id = c.id
    WHERE c.id = ANY(ARRAY(SELECT comment_id FROM new_rows))));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION rollup_score_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed int[];
BEGIN
  SELECT array_agg(n.comment_id) INTO changed
  FROM old_rows o JOIN new_rows n ON n.comment_id = o.comment_id
  WHERE (o.tone, o.stance, o.sentiment_comparative) IS DISTINCT FROM (n.tone, n.stance, n.sentiment_comparative);
  IF changed IS NULL THEN RETURN NULL; END IF;
  PERFORM rollup_apply(ARRAY(
    SELECT rollup_contribution_of(-1, c, o) FROM comment c JOIN old_rows o ON o.comment_id = c.id
    WHERE c.id = ANY(changed)
    UNION ALL
    SELECT rollup_contribution_of(1, c, n) FROM comment c JOIN new_rows n ON n.comment_id = c.id
    WHERE c.id = ANY(changed)));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION rollup_score_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A comment deleted with its score was taken away whole by rollup_comment_deleting (the join finds nothing).
  PERFORM rollup_apply(ARRAY(
    SELECT rollup_contribution_of(-1, c, o) FROM comment c JOIN old_rows o ON o.comment_id = c.id
    WHERE c.id = ANY(ARRAY(SELECT comment_id FROM old_rows))
    UNION ALL
    SELECT rollup_contribution_of(1, c, NULL::comment_score) FROM comment c JOIN old_rows o ON o.comment_id = c.id
    WHERE c.id = ANY(ARRAY(SELECT comment_id FROM old_rows))));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "mark_posts_changed_from_scores"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "post_insight_state" ("post_id", "changed_at")
  SELECT DISTINCT c."post_id", now() FROM "comment" c
  WHERE c."id" = ANY(ARRAY(SELECT "comment_id" FROM "changed_scores"))
  ON CONFLICT ("post_id") DO UPDATE SET "changed_at" = excluded."changed_at";
  RETURN NULL;
END $$;

-- An update marks a post only where a score's labels or values changed (not its version, date or digest). A
-- digest kept by the update (present, the same) means the output columns did not change (the guard above
-- drops it otherwise); the shown labels changed if their source or the kept fast labels did.
CREATE FUNCTION "mark_posts_changed_from_rescores"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "post_insight_state" ("post_id", "changed_at")
  SELECT DISTINCT c."post_id", now() FROM "comment" c
  WHERE c."id" = ANY(ARRAY(
    SELECT n."comment_id" FROM "old_scores" o JOIN "changed_scores" n ON n."comment_id" = o."comment_id"
    WHERE n.score_digest IS NULL OR o.score_digest IS DISTINCT FROM n.score_digest
      OR (o.label_source, o.fast_labels) IS DISTINCT FROM (n.label_source, n.fast_labels)))
  ON CONFLICT ("post_id") DO UPDATE SET "changed_at" = excluded."changed_at";
  RETURN NULL;
END $$;

DROP TRIGGER "comment_score_updated_marks_post" ON "comment_score";
CREATE TRIGGER "comment_score_updated_marks_post" AFTER UPDATE ON "comment_score"
  REFERENCING OLD TABLE AS "old_scores" NEW TABLE AS "changed_scores"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_posts_changed_from_rescores"();
