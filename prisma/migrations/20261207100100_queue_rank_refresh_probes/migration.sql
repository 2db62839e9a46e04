-- queue_rank_refresh read the commenter and commenter_rollup tables through hash joins, that is a scan of
-- every commenter for each refreshed batch: at 1M comments (200,000 commenters) that was most of the time an
-- import batch of 5,000 comments spent on its queue ranks. The commenter's standing and rejections are now
-- read per comment through their primary keys. Same ranks (the formula is unchanged; see 20261206140200).
CREATE OR REPLACE FUNCTION queue_rank_refresh(ids int[]) RETURNS void LANGUAGE sql AS $$
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
      + 2 * LEAST(GREATEST(coalesce((SELECT r.rejected FROM commenter_rollup r WHERE r.commenter_id = c.commenter_id), 0)
                           - (c.status = 'REJECTED')::int, 0), 5)
      + CASE (SELECT m.status FROM commenter m WHERE m.id = c.commenter_id)
          WHEN 'WATCHED' THEN 4 WHEN 'PREMOD' THEN 4 WHEN 'SUSPENDED' THEN 6 WHEN 'BANNED' THEN 6
          ELSE 0 END,
    c.posted_at
  FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
  WHERE c.id = ANY(ids) AND c.body IS NOT NULL
  ORDER BY c.id
  ON CONFLICT (comment_id) DO UPDATE SET
    publication_id = excluded.publication_id, status = excluded.status, held = excluded.held,
    reported = excluded.reported, rank = excluded.rank, posted_at = excluded.posted_at
  WHERE (q.publication_id, q.status, q.held, q.reported, q.rank, q.posted_at)
    IS DISTINCT FROM (excluded.publication_id, excluded.status, excluded.held, excluded.reported, excluded.rank,
                      excluded.posted_at);
$$;
