-- CreateTable
CREATE TABLE "commenter_rollup" (
    "commenter_id" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "commenter_rollup_pkey" PRIMARY KEY ("commenter_id")
);

-- AddForeignKey
ALTER TABLE "commenter_rollup" ADD CONSTRAINT "commenter_rollup_commenter_id_fkey" FOREIGN KEY ("commenter_id") REFERENCES "commenter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────────────────── per-commenter rollup, maintained by triggers ─────────────────────────
-- The moderation queue ranks a comment by its commenter's rejected comments: counted here as comments are
-- inserted, change status or commenter, and are deleted (every writer: decisions, undo, rules, imports,
-- cascades), in the writing statement's transaction. `commenter_rollup_rebuild` recomputes it (repair, tests).

-- Adds (commenter_id, n) deltas; a commenter deleted in this transaction (its comments' commenter_id set to
-- null by the cascade) takes its row with it, so nothing is written for it.
CREATE FUNCTION commenter_rollup_add(commenter_ids int[], deltas int[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO commenter_rollup AS r (commenter_id, rejected)
  SELECT d.commenter_id, sum(d.n)::int
  FROM unnest(commenter_ids, deltas) AS d(commenter_id, n)
  WHERE EXISTS (SELECT 1 FROM commenter m WHERE m.id = d.commenter_id)
  GROUP BY d.commenter_id HAVING sum(d.n) <> 0
  ORDER BY d.commenter_id
  ON CONFLICT (commenter_id) DO UPDATE SET rejected = r.rejected + excluded.rejected
$$;

CREATE FUNCTION commenter_rollup_comments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
  ns int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(commenter_id), array_agg(1) INTO ids, ns
    FROM new_rows WHERE status = 'REJECTED' AND commenter_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(commenter_id), array_agg(-1) INTO ids, ns
    FROM old_rows WHERE status = 'REJECTED' AND commenter_id IS NOT NULL;
  ELSE
    SELECT array_agg(x.commenter_id), array_agg(x.n) INTO ids, ns FROM (
      SELECT o.commenter_id, -1 AS n FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE o.status = 'REJECTED' AND o.commenter_id IS NOT NULL
        AND (n.status <> 'REJECTED' OR n.commenter_id IS DISTINCT FROM o.commenter_id)
      UNION ALL
      SELECT n.commenter_id, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE n.status = 'REJECTED' AND n.commenter_id IS NOT NULL
        AND (o.status <> 'REJECTED' OR n.commenter_id IS DISTINCT FROM o.commenter_id)
    ) x;
  END IF;
  IF ids IS NOT NULL THEN PERFORM commenter_rollup_add(ids, ns); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER comment_commenter_rollup_insert AFTER INSERT ON comment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION commenter_rollup_comments_changed();
CREATE TRIGGER comment_commenter_rollup_update AFTER UPDATE ON comment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION commenter_rollup_comments_changed();
CREATE TRIGGER comment_commenter_rollup_delete AFTER DELETE ON comment
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION commenter_rollup_comments_changed();

-- Recomputes every commenter's row from the comments.
CREATE FUNCTION commenter_rollup_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM commenter_rollup;
  INSERT INTO commenter_rollup (commenter_id, rejected)
  SELECT commenter_id, count(*)::int FROM comment
  WHERE status = 'REJECTED' AND commenter_id IS NOT NULL
  GROUP BY commenter_id ORDER BY commenter_id;
$$;

-- Existing data.
SELECT commenter_rollup_rebuild();

-- ───────────────────────── who commented per day and per month, as bitmaps ─────────────────────────
-- The headline's distinct commenters over any range, exactly: the bitwise OR of the range's whole months and
-- of its days outside whole months, then the number of bits set (bit i = commenter id i). At most a few dozen
-- rows a range instead of one row per (day, commenter). Kept from commenter_day_rollup by its triggers: a
-- day's and its month's bitmaps are rebuilt when a commenter's count that day goes from zero or to zero.

-- CreateTable
CREATE TABLE "commenter_day_bitmap" (
    "publication_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "commenters" BIT VARYING NOT NULL,

    CONSTRAINT "commenter_day_bitmap_pkey" PRIMARY KEY ("publication_id","day")
);

-- CreateTable
CREATE TABLE "commenter_month_bitmap" (
    "publication_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "commenters" BIT VARYING NOT NULL,

    CONSTRAINT "commenter_month_bitmap_pkey" PRIMARY KEY ("publication_id","month")
);

-- CreateIndex
CREATE INDEX "commenter_day_bitmap_day_idx" ON "commenter_day_bitmap"("day");

-- CreateIndex
CREATE INDEX "commenter_month_bitmap_month_idx" ON "commenter_month_bitmap"("month");

-- AddForeignKey
ALTER TABLE "commenter_day_bitmap" ADD CONSTRAINT "commenter_day_bitmap_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commenter_month_bitmap" ADD CONSTRAINT "commenter_month_bitmap_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The bitmap of a set of commenter ids: bit i set for id i, its length a multiple of 65,536 bits (so that
-- bitmaps of different lengths are padded by whole bytes when OR-ed); null for no ids.
CREATE FUNCTION commenter_bitmap(ids int[]) RETURNS varbit LANGUAGE sql IMMUTABLE AS $$
  SELECT (string_agg(repeat('0', id - coalesce(prev, -1) - 1) || '1', '' ORDER BY id)
          || repeat('0', (max(id) / 65536 + 1) * 65536 - max(id) - 1))::varbit
  FROM (SELECT id, lag(id) OVER (ORDER BY id) AS prev FROM (SELECT DISTINCT unnest(ids) AS id) u) x
$$;

-- Rebuilds the bitmaps of the given (publication, day) pairs and of their months from commenter_day_rollup.
CREATE FUNCTION commenter_bitmap_refresh(pubs int[], days date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH touched AS (
    SELECT DISTINCT t.p, t.d FROM unnest(pubs, days) AS t(p, d)
    WHERE EXISTS (SELECT 1 FROM publication x WHERE x.id = t.p)
  ), built AS (
    SELECT t.p, t.d, (SELECT commenter_bitmap(array_agg(r.commenter_id)) FROM commenter_day_rollup r
                      WHERE r.publication_id = t.p AND r.day = t.d AND r.comments > 0) AS b
    FROM touched t
  ), emptied AS (
    DELETE FROM commenter_day_bitmap x USING built
    WHERE x.publication_id = built.p AND x.day = built.d AND built.b IS NULL
  )
  INSERT INTO commenter_day_bitmap AS x (publication_id, day, commenters)
  SELECT p, d, b FROM built WHERE b IS NOT NULL ORDER BY p, d
  ON CONFLICT (publication_id, day) DO UPDATE SET commenters = excluded.commenters;

  WITH touched AS (
    SELECT DISTINCT t.p, date_trunc('month', t.d)::date AS m FROM unnest(pubs, days) AS t(p, d)
    WHERE EXISTS (SELECT 1 FROM publication x WHERE x.id = t.p)
  ), built AS (
    SELECT t.p, t.m, (SELECT commenter_bitmap(array_agg(r.commenter_id)) FROM commenter_day_rollup r
                      WHERE r.publication_id = t.p AND r.day >= t.m AND r.day < (t.m + interval '1 month')::date
                        AND r.comments > 0) AS b
    FROM touched t
  ), emptied AS (
    DELETE FROM commenter_month_bitmap x USING built
    WHERE x.publication_id = built.p AND x.month = built.m AND built.b IS NULL
  )
  INSERT INTO commenter_month_bitmap AS x (publication_id, month, commenters)
  SELECT p, m, b FROM built WHERE b IS NOT NULL ORDER BY p, m
  ON CONFLICT (publication_id, month) DO UPDATE SET commenters = excluded.commenters;
END
$$;

-- The (publication, day) pairs where some commenter's count went from zero or to zero.
CREATE FUNCTION commenter_bitmap_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pubs int[];
  days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(publication_id), array_agg(day) INTO pubs, days FROM new_rows WHERE comments > 0;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(publication_id), array_agg(day) INTO pubs, days FROM old_rows WHERE comments > 0;
  ELSE
    SELECT array_agg(x.publication_id), array_agg(x.day) INTO pubs, days FROM (
      SELECT o.publication_id, o.day FROM old_rows o
      JOIN new_rows n ON n.publication_id = o.publication_id AND n.day = o.day AND n.commenter_id = o.commenter_id
      WHERE (o.comments > 0) <> (n.comments > 0)
      UNION ALL
      -- A key changed (no writer does that today): both sides refreshed.
      SELECT o.publication_id, o.day FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n
        WHERE n.publication_id = o.publication_id AND n.day = o.day AND n.commenter_id = o.commenter_id)
      UNION ALL
      SELECT n.publication_id, n.day FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o
        WHERE n.publication_id = o.publication_id AND n.day = o.day AND n.commenter_id = o.commenter_id)
    ) x;
  END IF;
  IF pubs IS NOT NULL THEN PERFORM commenter_bitmap_refresh(pubs, days); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER commenter_day_rollup_bitmap_insert AFTER INSERT ON commenter_day_rollup
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION commenter_bitmap_days_changed();
CREATE TRIGGER commenter_day_rollup_bitmap_update AFTER UPDATE ON commenter_day_rollup
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION commenter_bitmap_days_changed();
CREATE TRIGGER commenter_day_rollup_bitmap_delete AFTER DELETE ON commenter_day_rollup
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION commenter_bitmap_days_changed();

-- Existing data.
SELECT commenter_bitmap_refresh(array_agg(publication_id), array_agg(day))
FROM (SELECT DISTINCT publication_id, day FROM commenter_day_rollup WHERE comments > 0) d;
