-- CreateTable
CREATE TABLE "queue_rank" (
    "comment_id" INTEGER NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "status" "CommentStatus" NOT NULL,
    "held" BOOLEAN NOT NULL,
    "reported" BOOLEAN NOT NULL,
    "rank" DOUBLE PRECISION NOT NULL,
    "posted_at" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "queue_rank_pkey" PRIMARY KEY ("comment_id")
);

-- CreateIndex
CREATE INDEX "queue_rank_rank_comment_id_idx" ON "queue_rank"("rank" DESC, "comment_id" DESC);

-- CreateIndex
CREATE INDEX "queue_rank_status_rank_comment_id_idx" ON "queue_rank"("status", "rank" DESC, "comment_id" DESC);

-- CreateIndex
CREATE INDEX "queue_rank_held_idx" ON "queue_rank"("rank" DESC, "comment_id" DESC) WHERE held;

-- CreateIndex
CREATE INDEX "queue_rank_reported_idx" ON "queue_rank"("rank" DESC, "comment_id" DESC) WHERE reported;

-- AddForeignKey
ALTER TABLE "queue_rank" ADD CONSTRAINT "queue_rank_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────────────────── the moderation queue's per-comment rank, kept by triggers ─────────────────────────
-- A comment's queue priority (lib/moderation/priority.ts) is `rank` (its scorer signals, whether anyone asked
-- for a look, its reactions, its commenter's rejections and standing: everything but its age) plus its age
-- term, at most 1 (from `posted_at`). The queue reads candidates by `rank` from an index and ranks only those
-- (lib/server/moderation/queue.ts), instead of ranking every comment of a tab per request. `rank` mirrors
-- queuePriority's weights: tests/integration/moderation-queue.test.ts compares the queue's priority with
-- queuePriority() row by row, so a weight changed on one side only fails it (change both: this function, and
-- a migration that calls queue_rank_rebuild()).
CREATE FUNCTION queue_rank_refresh(ids int[]) RETURNS void LANGUAGE sql AS $$
  -- Comments without text leave the queue (deleted comments cascade).
  DELETE FROM queue_rank q USING comment c
  WHERE q.comment_id = ANY(ids) AND c.id = q.comment_id AND c.body IS NULL;
  INSERT INTO queue_rank AS q (comment_id, publication_id, status, held, reported, rank, posted_at)
  SELECT c.id, c.publication_id, c.status,
    c.status = 'SYSTEM_WITHHELD' OR EXISTS (
      SELECT 1 FROM flag f WHERE f.comment_id = c.id AND f.status = 'OPEN' AND f.raised_by_id IS NULL),
    EXISTS (SELECT 1 FROM flag f WHERE f.comment_id = c.id AND f.status = 'OPEN' AND f.raised_by_id IS NOT NULL),
    40 * LEAST(GREATEST(coalesce(s.threat, 0)::float8, 0), 1)
      + 25 * LEAST(GREATEST(coalesce(s.hostility, 0)::float8, 0), 1)
      + 25 * LEAST(GREATEST(coalesce(s.identity_attack, 0)::float8, 0), 1)
      + 15 * LEAST(GREATEST(coalesce(s.insult, 0)::float8, 0), 1)
      + CASE WHEN coalesce(s.flag, false)
               OR EXISTS (SELECT 1 FROM flag f WHERE f.comment_id = c.id AND f.status = 'OPEN')
             THEN 10 ELSE 0 END
      + 3 * LEAST(LN(1 + GREATEST(c.reaction_count, 0)::float8), 4)
      -- The commenter's rejected comments other than this one, and their standing.
      + 2 * LEAST(GREATEST(coalesce(r.rejected, 0) - (c.status = 'REJECTED')::int, 0), 5)
      + CASE m.status WHEN 'WATCHED' THEN 4 WHEN 'PREMOD' THEN 4 WHEN 'SUSPENDED' THEN 6 WHEN 'BANNED' THEN 6
          ELSE 0 END,
    c.posted_at
  FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
  LEFT JOIN commenter m ON m.id = c.commenter_id
  LEFT JOIN commenter_rollup r ON r.commenter_id = c.commenter_id
  WHERE c.id = ANY(ids) AND c.body IS NOT NULL
  ORDER BY c.id
  ON CONFLICT (comment_id) DO UPDATE SET
    publication_id = excluded.publication_id, status = excluded.status, held = excluded.held,
    reported = excluded.reported, rank = excluded.rank, posted_at = excluded.posted_at
  WHERE (q.publication_id, q.status, q.held, q.reported, q.rank, q.posted_at)
    IS DISTINCT FROM (excluded.publication_id, excluded.status, excluded.held, excluded.reported, excluded.rank,
                      excluded.posted_at);
$$;

CREATE FUNCTION queue_rank_comments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(id) INTO ids FROM new_rows;
  ELSE
    SELECT array_agg(n.id) INTO ids FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.body IS NULL, o.status, o.reaction_count, o.publication_id, o.commenter_id, o.posted_at)
      IS DISTINCT FROM (n.body IS NULL, n.status, n.reaction_count, n.publication_id, n.commenter_id, n.posted_at);
  END IF;
  IF ids IS NOT NULL THEN PERFORM queue_rank_refresh(ids); END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION queue_rank_scores_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(comment_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(comment_id) INTO ids FROM old_rows;
  ELSE
    SELECT array_agg(n.comment_id) INTO ids FROM old_rows o JOIN new_rows n ON n.comment_id = o.comment_id
    WHERE (o.threat, o.hostility, o.identity_attack, o.insult, o.flag)
      IS DISTINCT FROM (n.threat, n.hostility, n.identity_attack, n.insult, n.flag);
  END IF;
  IF ids IS NOT NULL THEN PERFORM queue_rank_refresh(ids); END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION queue_rank_flags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT comment_id) INTO ids FROM new_rows WHERE comment_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT comment_id) INTO ids FROM old_rows WHERE comment_id IS NOT NULL;
  ELSE
    SELECT array_agg(DISTINCT x.comment_id) INTO ids FROM (
      SELECT o.comment_id FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.status, o.comment_id, o.raised_by_id IS NULL) IS DISTINCT FROM (n.status, n.comment_id, n.raised_by_id IS NULL)
      UNION ALL
      SELECT n.comment_id FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.status, o.comment_id, o.raised_by_id IS NULL) IS DISTINCT FROM (n.status, n.comment_id, n.raised_by_id IS NULL)
    ) x WHERE x.comment_id IS NOT NULL;
  END IF;
  IF ids IS NOT NULL THEN PERFORM queue_rank_refresh(ids); END IF;
  RETURN NULL;
END
$$;

-- A commenter's rejections or standing changed: every comment of theirs.
CREATE FUNCTION queue_rank_commenters_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
BEGIN
  IF TG_TABLE_NAME = 'commenter' THEN
    SELECT array_agg(n.id) INTO ids FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.status <> n.status;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(commenter_id) INTO ids FROM old_rows;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(commenter_id) INTO ids FROM new_rows;
  ELSE
    SELECT array_agg(n.commenter_id) INTO ids FROM old_rows o JOIN new_rows n ON n.commenter_id = o.commenter_id
    WHERE o.rejected <> n.rejected;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM queue_rank_refresh(ARRAY(SELECT id FROM comment WHERE commenter_id = ANY(ids)));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER commenter_queue_rank_update AFTER UPDATE ON commenter
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_rank_commenters_changed();
CREATE TRIGGER commenter_rollup_queue_rank_insert AFTER INSERT ON commenter_rollup
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_rank_commenters_changed();
CREATE TRIGGER commenter_rollup_queue_rank_update AFTER UPDATE ON commenter_rollup
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_rank_commenters_changed();
CREATE TRIGGER commenter_rollup_queue_rank_delete AFTER DELETE ON commenter_rollup
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_rank_commenters_changed();

CREATE TRIGGER comment_queue_rank_insert AFTER INSERT ON comment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_rank_comments_changed();
CREATE TRIGGER comment_queue_rank_update AFTER UPDATE ON comment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_rank_comments_changed();
CREATE TRIGGER comment_score_queue_rank_insert AFTER INSERT ON comment_score
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_rank_scores_changed();
CREATE TRIGGER comment_score_queue_rank_update AFTER UPDATE ON comment_score
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_rank_scores_changed();
CREATE TRIGGER comment_score_queue_rank_delete AFTER DELETE ON comment_score
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_rank_scores_changed();
CREATE TRIGGER flag_queue_rank_insert AFTER INSERT ON flag
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_rank_flags_changed();
CREATE TRIGGER flag_queue_rank_update AFTER UPDATE ON flag
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_rank_flags_changed();
CREATE TRIGGER flag_queue_rank_delete AFTER DELETE ON flag
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_rank_flags_changed();

-- Recomputes every comment's row (repair, tests).
CREATE FUNCTION queue_rank_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM queue_rank;
  SELECT queue_rank_refresh(ARRAY(SELECT id FROM comment WHERE body IS NOT NULL));
$$;

-- Existing data.
SELECT queue_rank_rebuild();
