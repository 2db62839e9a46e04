-- DropIndex
DROP INDEX "comment_publication_id_body_hash_idx";

-- CreateTable
CREATE TABLE "post_rollup" (
    "post_id" INTEGER NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "deleted" INTEGER NOT NULL DEFAULT 0,
    "commenters" INTEGER NOT NULL DEFAULT 0,
    "scored" INTEGER NOT NULL DEFAULT 0,
    "tone_counts" INTEGER[] DEFAULT ARRAY[0, 0, 0, 0, 0, 0]::INTEGER[],
    "reply_tone_counts" INTEGER[] DEFAULT ARRAY[0, 0, 0, 0, 0, 0]::INTEGER[],
    "stance_counts" INTEGER[] DEFAULT ARRAY[0, 0, 0]::INTEGER[],
    "sentiment_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sentiment_bins" INTEGER[],
    "open_flags" INTEGER NOT NULL DEFAULT 0,
    "first_posted_at" TIMESTAMPTZ,
    "last_posted_at" TIMESTAMPTZ,

    CONSTRAINT "post_rollup_pkey" PRIMARY KEY ("post_id")
);

-- CreateTable
CREATE TABLE "post_day_rollup" (
    "post_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "tone_counts" INTEGER[] DEFAULT ARRAY[0, 0, 0, 0, 0, 0]::INTEGER[],

    CONSTRAINT "post_day_rollup_pkey" PRIMARY KEY ("post_id","day")
);

-- CreateTable
CREATE TABLE "post_commenter_rollup" (
    "post_id" INTEGER NOT NULL,
    "commenter_id" INTEGER NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "tone_counts" INTEGER[] DEFAULT ARRAY[0, 0, 0, 0, 0, 0]::INTEGER[],
    "stance_counts" INTEGER[] DEFAULT ARRAY[0, 0, 0]::INTEGER[],

    CONSTRAINT "post_commenter_rollup_pkey" PRIMARY KEY ("post_id","commenter_id")
);

-- CreateTable
CREATE TABLE "commenter_day_rollup" (
    "publication_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "commenter_id" INTEGER NOT NULL,
    "comments" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "commenter_day_rollup_pkey" PRIMARY KEY ("publication_id","day","commenter_id")
);

-- CreateIndex
CREATE INDEX "post_rollup_publication_id_idx" ON "post_rollup"("publication_id");

-- CreateIndex
CREATE INDEX "post_day_rollup_publication_id_day_idx" ON "post_day_rollup"("publication_id", "day");

-- CreateIndex
CREATE INDEX "post_commenter_rollup_commenter_id_idx" ON "post_commenter_rollup"("commenter_id");

-- CreateIndex
CREATE INDEX "comment_commenter_id_body_hash_idx" ON "comment"("commenter_id", "body_hash");

-- CreateIndex
CREATE INDEX "comment_unlinked_reply_idx" ON "comment"("publication_id", "parent_external_id") WHERE (parent_id IS NULL AND parent_external_id IS NOT NULL);

-- AddForeignKey
ALTER TABLE "post_rollup" ADD CONSTRAINT "post_rollup_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_day_rollup" ADD CONSTRAINT "post_day_rollup_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_commenter_rollup" ADD CONSTRAINT "post_commenter_rollup_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commenter_day_rollup" ADD CONSTRAINT "commenter_day_rollup_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────────────────── rollups, maintained by triggers ─────────────────────────
-- Every writer of a comment's counted state (imports, the fast scorer, refiners through showBestLabels,
-- corrections, publication models, the rules' status changes do not count) moves the rollups in its own
-- statement's transaction: statement-level triggers aggregate the statement's rows (transition tables) into a
-- few upserts per post, in post order. `rollup_rebuild` recomputes them from the comments (repair, tests).

-- What one (comment, shown score) pair adds to the rollups; sign -1 takes an old state away.
CREATE TYPE rollup_contribution AS (
  sign int,
  post_id int,
  publication_id int,
  commenter_id int,
  posted_at timestamptz,
  has_body boolean,
  scored boolean,
  tone "Tone",
  reply boolean,
  stance "Stance",
  sentiment float8
);

-- Element-wise sum of two count vectors (null counts as zeros). PL/pgSQL, not SQL: a SQL function with a
-- subquery is never inlined, and its per-call cost dominated the triggers' time.
CREATE FUNCTION rollup_int_add(a int[], b int[]) RETURNS int[] LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  r int[];
BEGIN
  IF a IS NULL THEN RETURN b; END IF;
  IF b IS NULL THEN RETURN a; END IF;
  r := a;
  FOR i IN 1 .. greatest(cardinality(a), cardinality(b)) LOOP
    r[i] := coalesce(a[i], 0) + coalesce(b[i], 0);
  END LOOP;
  RETURN r;
END
$$;

-- A dense vector of `len` counts from sparse (0-based index, count) pairs; null when there are none.
CREATE FUNCTION rollup_vector(idx int[], counts bigint[], len int) RETURNS int[] LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  r int[];
BEGIN
  IF idx IS NULL OR cardinality(idx) = 0 THEN RETURN NULL; END IF;
  r := array_fill(0, ARRAY[len]);
  FOR k IN 1 .. cardinality(idx) LOOP
    r[idx[k] + 1] := r[idx[k] + 1] + counts[k];
  END LOOP;
  RETURN r;
END
$$;

CREATE FUNCTION rollup_contribution_of(direction int, c comment, s comment_score) RETURNS rollup_contribution
LANGUAGE sql STABLE AS $$
  SELECT ROW(direction, c.post_id, c.publication_id, c.commenter_id, c.posted_at, c.body IS NOT NULL,
             s.comment_id IS NOT NULL, coalesce(c.corrected_tone, s.tone), c.depth > 0,
             CASE WHEN s.comment_id IS NOT NULL THEN coalesce(c.corrected_stance, s.stance) END,
             s.sentiment_comparative)::rollup_contribution
$$;

CREATE FUNCTION rollup_apply(contributions rollup_contribution[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF contributions IS NULL OR cardinality(contributions) = 0 THEN RETURN; END IF;
  -- Each statement reads the contributions as `rollup_delta`; a post deleted in this transaction (a cascade)
  -- takes its rollups with it, so nothing is written for it.
  WITH rollup_delta AS (
    SELECT u.* FROM unnest(contributions) u WHERE EXISTS (SELECT 1 FROM post p WHERE p.id = u.post_id)
  ), tones AS (
    SELECT post_id, array_agg(array_position(enum_range(NULL::"Tone"), tone) - 1) AS i, array_agg(n) AS n
    FROM (SELECT post_id, tone, sum(sign) AS n FROM rollup_delta WHERE tone IS NOT NULL GROUP BY 1, 2) x
    GROUP BY post_id
  ), reply_tones AS (
    SELECT post_id, array_agg(array_position(enum_range(NULL::"Tone"), tone) - 1) AS i, array_agg(n) AS n
    FROM (SELECT post_id, tone, sum(sign) AS n FROM rollup_delta WHERE tone IS NOT NULL AND reply GROUP BY 1, 2) x
    GROUP BY post_id
  ), stances AS (
    SELECT post_id, array_agg(array_position(enum_range(NULL::"Stance"), stance) - 1) AS i, array_agg(n) AS n
    FROM (SELECT post_id, stance, sum(sign) AS n FROM rollup_delta WHERE stance IS NOT NULL GROUP BY 1, 2) x
    GROUP BY post_id
  ), bins AS (
    SELECT post_id, array_agg(b) AS i, array_agg(n) AS n
    FROM (SELECT post_id, width_bucket(sentiment, -1, 1, 200) AS b, sum(sign) AS n FROM rollup_delta
          WHERE scored AND sentiment IS NOT NULL GROUP BY 1, 2) x
    GROUP BY post_id
  ), totals AS (
    SELECT post_id, min(publication_id) AS publication_id,
      coalesce(sum(sign) FILTER (WHERE has_body), 0)::int AS comments,
      coalesce(sum(sign) FILTER (WHERE NOT has_body), 0)::int AS deleted,
      coalesce(sum(sign) FILTER (WHERE scored), 0)::int AS scored,
      coalesce(sum(sign * sentiment) FILTER (WHERE scored AND sentiment IS NOT NULL), 0) AS sentiment_sum,
      min(posted_at) FILTER (WHERE sign > 0) AS first_posted_at,
      max(posted_at) FILTER (WHERE sign > 0) AS last_posted_at
    FROM rollup_delta GROUP BY post_id
  )
  INSERT INTO post_rollup AS r (post_id, publication_id, comments, deleted, scored, tone_counts, reply_tone_counts,
                                stance_counts, sentiment_sum, sentiment_bins, first_posted_at, last_posted_at)
  SELECT t.post_id, t.publication_id, t.comments, t.deleted, t.scored,
    rollup_vector(tn.i, tn.n, 6), rollup_vector(rt.i, rt.n, 6), rollup_vector(st.i, st.n, 3),
    t.sentiment_sum, rollup_vector(b.i, b.n, 202), t.first_posted_at, t.last_posted_at
  FROM totals t
  LEFT JOIN tones tn ON tn.post_id = t.post_id
  LEFT JOIN reply_tones rt ON rt.post_id = t.post_id
  LEFT JOIN stances st ON st.post_id = t.post_id
  LEFT JOIN bins b ON b.post_id = t.post_id
  ORDER BY t.post_id
  ON CONFLICT (post_id) DO UPDATE SET
    comments = r.comments + excluded.comments,
    deleted = r.deleted + excluded.deleted,
    scored = r.scored + excluded.scored,
    tone_counts = rollup_int_add(r.tone_counts, excluded.tone_counts),
    reply_tone_counts = rollup_int_add(r.reply_tone_counts, excluded.reply_tone_counts),
    stance_counts = rollup_int_add(r.stance_counts, excluded.stance_counts),
    sentiment_sum = r.sentiment_sum + excluded.sentiment_sum,
    sentiment_bins = rollup_int_add(r.sentiment_bins, excluded.sentiment_bins),
    first_posted_at = least(r.first_posted_at, excluded.first_posted_at),
    last_posted_at = greatest(r.last_posted_at, excluded.last_posted_at);

  WITH rollup_delta AS (
    SELECT u.* FROM unnest(contributions) u WHERE EXISTS (SELECT 1 FROM post p WHERE p.id = u.post_id)
  ), days AS (
    SELECT post_id, (posted_at AT TIME ZONE 'UTC')::date AS day, min(publication_id) AS publication_id,
      coalesce(sum(sign) FILTER (WHERE has_body), 0)::int AS comments
    FROM rollup_delta GROUP BY 1, 2
  ), tones AS (
    SELECT post_id, day, array_agg(array_position(enum_range(NULL::"Tone"), tone) - 1) AS i, array_agg(n) AS n
    FROM (SELECT post_id, (posted_at AT TIME ZONE 'UTC')::date AS day, tone, sum(sign) AS n FROM rollup_delta
          WHERE tone IS NOT NULL GROUP BY 1, 2, 3) x
    GROUP BY post_id, day
  )
  INSERT INTO post_day_rollup AS r (post_id, day, publication_id, comments, tone_counts)
  SELECT d.post_id, d.day, d.publication_id, d.comments, rollup_vector(t.i, t.n, 6)
  FROM days d LEFT JOIN tones t ON t.post_id = d.post_id AND t.day = d.day
  ORDER BY d.post_id, d.day
  ON CONFLICT (post_id, day) DO UPDATE SET
    comments = r.comments + excluded.comments,
    tone_counts = rollup_int_add(r.tone_counts, excluded.tone_counts);

  WITH rollup_delta AS (
    SELECT u.* FROM unnest(contributions) u WHERE EXISTS (SELECT 1 FROM post p WHERE p.id = u.post_id)
  ), people AS (
    SELECT post_id, commenter_id, min(publication_id) AS publication_id,
      coalesce(sum(sign) FILTER (WHERE has_body), 0)::int AS comments
    FROM rollup_delta WHERE commenter_id IS NOT NULL GROUP BY 1, 2
  ), tones AS (
    SELECT post_id, commenter_id, array_agg(array_position(enum_range(NULL::"Tone"), tone) - 1) AS i,
      array_agg(n) AS n
    FROM (SELECT post_id, commenter_id, tone, sum(sign) AS n FROM rollup_delta
          WHERE commenter_id IS NOT NULL AND tone IS NOT NULL GROUP BY 1, 2, 3) x
    GROUP BY 1, 2
  ), stances AS (
    SELECT post_id, commenter_id, array_agg(array_position(enum_range(NULL::"Stance"), stance) - 1) AS i,
      array_agg(n) AS n
    FROM (SELECT post_id, commenter_id, stance, sum(sign) AS n FROM rollup_delta
          WHERE commenter_id IS NOT NULL AND stance IS NOT NULL GROUP BY 1, 2, 3) x
    GROUP BY 1, 2
  ), written AS (
    INSERT INTO post_commenter_rollup AS r (post_id, commenter_id, publication_id, comments, tone_counts, stance_counts)
    SELECT p.post_id, p.commenter_id, p.publication_id, p.comments, rollup_vector(t.i, t.n, 6),
      rollup_vector(s.i, s.n, 3)
    FROM people p
    LEFT JOIN tones t ON t.post_id = p.post_id AND t.commenter_id = p.commenter_id
    LEFT JOIN stances s ON s.post_id = p.post_id AND s.commenter_id = p.commenter_id
    ORDER BY p.post_id, p.commenter_id
    ON CONFLICT (post_id, commenter_id) DO UPDATE SET
      comments = r.comments + excluded.comments,
      tone_counts = rollup_int_add(r.tone_counts, excluded.tone_counts),
      stance_counts = rollup_int_add(r.stance_counts, excluded.stance_counts)
    RETURNING r.post_id, r.commenter_id, r.comments
  )
  -- The post's distinct commenters move when a commenter's count there crosses zero (before = after - delta).
  UPDATE post_rollup pr SET commenters = pr.commenters + d.n
  FROM (
    SELECT w.post_id, sum((w.comments > 0)::int - ((w.comments - p.comments) > 0)::int)::int AS n
    FROM written w JOIN people p ON p.post_id = w.post_id AND p.commenter_id = w.commenter_id
    GROUP BY w.post_id
  ) d
  WHERE pr.post_id = d.post_id AND d.n <> 0;

  -- Per publication, not per post: a post deleted with its comments takes its share away here too (only a
  -- publication deleted in this transaction takes these rows with it).
  WITH rollup_delta AS (
    SELECT u.* FROM unnest(contributions) u WHERE EXISTS (SELECT 1 FROM publication p WHERE p.id = u.publication_id)
  )
  INSERT INTO commenter_day_rollup AS r (publication_id, day, commenter_id, comments)
  SELECT publication_id, (posted_at AT TIME ZONE 'UTC')::date, commenter_id, sum(sign)::int
  FROM rollup_delta WHERE commenter_id IS NOT NULL AND has_body
  GROUP BY 1, 2, 3 HAVING sum(sign) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (publication_id, day, commenter_id) DO UPDATE SET comments = r.comments + excluded.comments;
END
$$;

-- Comments: inserted, updated where a counted column changed, deleted (row by row, before the score goes).
CREATE FUNCTION rollup_comment_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_apply(ARRAY(
    SELECT rollup_contribution_of(1, n, s) FROM new_rows n LEFT JOIN comment_score s ON s.comment_id = n.id));
  RETURN NULL;
END
$$;

CREATE FUNCTION rollup_comment_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_apply(ARRAY(
    SELECT x.contribution FROM (
      SELECT rollup_contribution_of(-1, o, s) AS contribution, o.id
      FROM old_rows o JOIN new_rows n ON n.id = o.id LEFT JOIN comment_score s ON s.comment_id = o.id
      WHERE (o.body IS NULL, o.corrected_tone, o.corrected_stance, o.depth > 0, o.post_id, o.commenter_id, o.posted_at)
        IS DISTINCT FROM (n.body IS NULL, n.corrected_tone, n.corrected_stance, n.depth > 0, n.post_id, n.commenter_id, n.posted_at)
      UNION ALL
      SELECT rollup_contribution_of(1, n, s), n.id
      FROM old_rows o JOIN new_rows n ON n.id = o.id LEFT JOIN comment_score s ON s.comment_id = n.id
      WHERE (o.body IS NULL, o.corrected_tone, o.corrected_stance, o.depth > 0, o.post_id, o.commenter_id, o.posted_at)
        IS DISTINCT FROM (n.body IS NULL, n.corrected_tone, n.corrected_stance, n.depth > 0, n.post_id, n.commenter_id, n.posted_at)
    ) x));
  RETURN NULL;
END
$$;

CREATE FUNCTION rollup_comment_deleting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_apply(ARRAY(
    SELECT rollup_contribution_of(-1, OLD, s) FROM (SELECT 1) one
    LEFT JOIN comment_score s ON s.comment_id = OLD.id));
  -- Its flags go with it (their own trigger no longer finds the comment's post).
  PERFORM rollup_apply_flags(coalesce((
    SELECT jsonb_agg(jsonb_build_object('post_id', OLD.post_id, 'n', -1)) FROM flag
    WHERE comment_id = OLD.id AND status = 'OPEN'), '[]'::jsonb));
  RETURN OLD;
END
$$;

CREATE TRIGGER comment_rollup_insert AFTER INSERT ON comment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_comment_inserted();
CREATE TRIGGER comment_rollup_update AFTER UPDATE ON comment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_comment_updated();
CREATE TRIGGER comment_rollup_delete BEFORE DELETE ON comment
  FOR EACH ROW EXECUTE FUNCTION rollup_comment_deleting();

-- Scores: a comment's contribution without a score is replaced by its contribution with one, and back.
CREATE FUNCTION rollup_score_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_apply(ARRAY(
    SELECT rollup_contribution_of(-1, c, NULL::comment_score) FROM new_rows n JOIN comment c ON c.id = n.comment_id
    UNION ALL
    SELECT rollup_contribution_of(1, c, n) FROM new_rows n JOIN comment c ON c.id = n.comment_id));
  RETURN NULL;
END
$$;

CREATE FUNCTION rollup_score_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_apply(ARRAY(
    SELECT x.contribution FROM (
      SELECT rollup_contribution_of(-1, c, o) AS contribution
      FROM old_rows o JOIN new_rows n ON n.comment_id = o.comment_id JOIN comment c ON c.id = o.comment_id
      WHERE (o.tone, o.stance, o.sentiment_comparative) IS DISTINCT FROM (n.tone, n.stance, n.sentiment_comparative)
      UNION ALL
      SELECT rollup_contribution_of(1, c, n)
      FROM old_rows o JOIN new_rows n ON n.comment_id = o.comment_id JOIN comment c ON c.id = n.comment_id
      WHERE (o.tone, o.stance, o.sentiment_comparative) IS DISTINCT FROM (n.tone, n.stance, n.sentiment_comparative)
    ) x));
  RETURN NULL;
END
$$;

CREATE FUNCTION rollup_score_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A comment deleted with its score was taken away whole by rollup_comment_deleting (the join finds nothing).
  PERFORM rollup_apply(ARRAY(
    SELECT rollup_contribution_of(-1, c, o) FROM old_rows o JOIN comment c ON c.id = o.comment_id
    UNION ALL
    SELECT rollup_contribution_of(1, c, NULL::comment_score) FROM old_rows o JOIN comment c ON c.id = o.comment_id));
  RETURN NULL;
END
$$;

CREATE TRIGGER comment_score_rollup_insert AFTER INSERT ON comment_score
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_score_inserted();
CREATE TRIGGER comment_score_rollup_update AFTER UPDATE ON comment_score
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_score_updated();
CREATE TRIGGER comment_score_rollup_delete AFTER DELETE ON comment_score
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_score_deleted();

-- Open flags per post (flags on the post and on its comments).
CREATE FUNCTION rollup_apply_flags(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO post_rollup AS r (post_id, publication_id, open_flags, sentiment_bins)
  SELECT d.post_id, p.publication_id, d.n, array_fill(0, ARRAY[202])
  FROM (SELECT (e->>'post_id')::int AS post_id, sum((e->>'n')::int)::int AS n
        FROM jsonb_array_elements(deltas) e GROUP BY 1) d
  JOIN post p ON p.id = d.post_id
  WHERE d.n <> 0
  ORDER BY d.post_id
  ON CONFLICT (post_id) DO UPDATE SET open_flags = r.open_flags + excluded.open_flags
$$;

CREATE FUNCTION rollup_flags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('post_id', coalesce(f.post_id, c.post_id), 'n', 1)) INTO deltas
    FROM new_rows f LEFT JOIN comment c ON c.id = f.comment_id WHERE f.status = 'OPEN';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('post_id', coalesce(f.post_id, c.post_id), 'n', -1)) INTO deltas
    FROM old_rows f LEFT JOIN comment c ON c.id = f.comment_id WHERE f.status = 'OPEN';
  ELSE
    SELECT jsonb_agg(jsonb_build_object('post_id', coalesce(f.post_id, c.post_id),
                                        'n', (n.status = 'OPEN')::int - (f.status = 'OPEN')::int)) INTO deltas
    FROM old_rows f JOIN new_rows n ON n.id = f.id LEFT JOIN comment c ON c.id = f.comment_id
    WHERE (f.status = 'OPEN') <> (n.status = 'OPEN');
  END IF;
  IF deltas IS NOT NULL THEN PERFORM rollup_apply_flags(deltas); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER flag_rollup_insert AFTER INSERT ON flag
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_flags_changed();
CREATE TRIGGER flag_rollup_update AFTER UPDATE ON flag
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_flags_changed();
CREATE TRIGGER flag_rollup_delete AFTER DELETE ON flag
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_flags_changed();

-- Recomputes the rollups of the given posts (all posts when null) from the comments, scores and flags.
CREATE FUNCTION rollup_rebuild(post_ids int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  pid int;
BEGIN
  DELETE FROM post_rollup WHERE post_ids IS NULL OR post_id = ANY(post_ids);
  DELETE FROM post_day_rollup WHERE post_ids IS NULL OR post_id = ANY(post_ids);
  DELETE FROM post_commenter_rollup WHERE post_ids IS NULL OR post_id = ANY(post_ids);
  -- A day's distinct commenters span posts: rebuilt for the publications of these posts, from all their posts.
  DELETE FROM commenter_day_rollup WHERE post_ids IS NULL OR publication_id IN (
    SELECT publication_id FROM post WHERE id = ANY(post_ids));
  FOR pid IN SELECT id FROM post WHERE post_ids IS NULL OR id = ANY(post_ids) ORDER BY id LOOP
    PERFORM rollup_apply(ARRAY(
      SELECT rollup_contribution_of(1, c, s) FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE c.post_id = pid));
  END LOOP;
  IF post_ids IS NOT NULL THEN
    -- The publications' other posts' days were deleted above: add them back.
    INSERT INTO commenter_day_rollup (publication_id, day, commenter_id, comments)
    SELECT c.publication_id, (c.posted_at AT TIME ZONE 'UTC')::date, c.commenter_id, count(*)::int
    FROM comment c
    WHERE c.body IS NOT NULL AND c.commenter_id IS NOT NULL AND NOT (c.post_id = ANY(post_ids))
      AND c.publication_id IN (SELECT publication_id FROM post WHERE id = ANY(post_ids))
    GROUP BY 1, 2, 3
    ON CONFLICT (publication_id, day, commenter_id) DO UPDATE
      SET comments = commenter_day_rollup.comments + excluded.comments;
  END IF;
  PERFORM rollup_apply_flags(coalesce((
    SELECT jsonb_agg(jsonb_build_object('post_id', coalesce(f.post_id, c.post_id), 'n', 1))
    FROM flag f LEFT JOIN comment c ON c.id = f.comment_id
    WHERE f.status = 'OPEN' AND (post_ids IS NULL OR coalesce(f.post_id, c.post_id) = ANY(post_ids))), '[]'::jsonb));
END
$$;

-- Existing data.
SELECT rollup_rebuild(NULL);
