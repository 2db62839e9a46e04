-- CreateTable
CREATE TABLE "commenter_rollup" (
    "commenter_id" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "commenter_rollup_pkey" PRIMARY KEY ("commenter_id")
);

-- AddForeignKey
ALTER TABLE "commenter_rollup" ADD CONSTRAINT "commenter_rollup_commenter_id_fkey" FOREIGN KEY ("commenter_id") REFERENCES "commenter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "commenter_day_rollup_commenter_id_day_idx" ON "commenter_day_rollup"("commenter_id", "day");

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
