-- ───────────────────────── commenter bitmaps: set the new bits instead of rebuilding ─────────────────────────
-- Until now every statement that moved commenter_day_rollup rebuilt the bitmaps of each day AND each whole
-- month it touched from commenter_day_rollup: O(rows of the month) per statement, so an import in batches did
-- work quadratic in a month's size (at 1M comments, the largest share of the import's time over COPY). Now a
-- commenter whose count for a day goes from zero to more only sets its bit in that day's and that month's
-- bitmaps (OR-ed in, the bitmap grown to the new width as needed): O(the statement's rows). Only a count going
-- back to zero (a deletion, a comment moved, a body deleted upstream; rare) still rebuilds that day and its
-- month, since a month's bit must stay while any other day of the month has the commenter.

-- a | b for bitmaps of different widths: the narrower one is padded with zeros (widths are multiples of 65,536
-- bits, whole bytes, as commenter_bitmap builds them). Null stands for no bits.
CREATE FUNCTION commenter_bitmap_or(a varbit, b varbit) RETURNS varbit LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN a IS NULL THEN b
    WHEN b IS NULL THEN a
    WHEN length(a) = length(b) THEN a | b
    WHEN length(a) < length(b) THEN (a || repeat('0', length(b) - length(a))::varbit) | b
    ELSE a | (b || repeat('0', length(a) - length(b))::varbit)
  END
$$;

-- Sets the bits of (publication, day, commenter) triples in their days' and months' bitmaps.
CREATE FUNCTION commenter_bitmap_add(pubs int[], days date[], commenter_ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- A publication deleted in this transaction takes its bitmaps with it: nothing is written for it.
  INSERT INTO commenter_day_bitmap AS x (publication_id, day, commenters)
  SELECT t.p, t.d, commenter_bitmap(array_agg(t.c)) FROM unnest(pubs, days, commenter_ids) AS t(p, d, c)
  WHERE EXISTS (SELECT 1 FROM publication x WHERE x.id = t.p)
  GROUP BY t.p, t.d ORDER BY t.p, t.d
  ON CONFLICT (publication_id, day) DO UPDATE SET commenters = commenter_bitmap_or(x.commenters, excluded.commenters);

  INSERT INTO commenter_month_bitmap AS x (publication_id, month, commenters)
  SELECT t.p, date_trunc('month', t.d)::date, commenter_bitmap(array_agg(t.c))
  FROM unnest(pubs, days, commenter_ids) AS t(p, d, c)
  WHERE EXISTS (SELECT 1 FROM publication x WHERE x.id = t.p)
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (publication_id, month) DO UPDATE SET commenters = commenter_bitmap_or(x.commenters, excluded.commenters);
END
$$;

-- The (publication, day, commenter) rows whose count went from zero (or no row) to more: their bits are set;
-- the (publication, day) pairs where one went back to zero (or its row went): rebuilt (commenter_bitmap_refresh,
-- after the bits are set, so it sees the statement's final rows either way).
CREATE OR REPLACE FUNCTION commenter_bitmap_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  add_pubs int[];
  add_days date[];
  add_ids int[];
  gone_pubs int[];
  gone_days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(publication_id), array_agg(day), array_agg(commenter_id) INTO add_pubs, add_days, add_ids
    FROM new_rows WHERE comments > 0;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(publication_id), array_agg(day) INTO gone_pubs, gone_days FROM old_rows WHERE comments > 0;
  ELSE
    -- A full join is planned as a hash or merge join, never a nested loop over the transition tables. A row
    -- whose key changed (no writer does that today) counts as its old key gone and its new key added.
    WITH moved AS (
      SELECT coalesce(n.publication_id, o.publication_id) AS publication_id, coalesce(n.day, o.day) AS day,
        coalesce(n.commenter_id, o.commenter_id) AS commenter_id,
        coalesce(o.comments, 0) > 0 AS before, coalesce(n.comments, 0) > 0 AS after
      FROM old_rows o FULL JOIN new_rows n
        ON n.publication_id = o.publication_id AND n.day = o.day AND n.commenter_id = o.commenter_id
    )
    SELECT array_agg(publication_id) FILTER (WHERE after AND NOT before),
      array_agg(day) FILTER (WHERE after AND NOT before),
      array_agg(commenter_id) FILTER (WHERE after AND NOT before),
      array_agg(publication_id) FILTER (WHERE before AND NOT after),
      array_agg(day) FILTER (WHERE before AND NOT after)
    INTO add_pubs, add_days, add_ids, gone_pubs, gone_days
    FROM moved;
  END IF;
  IF add_pubs IS NOT NULL THEN PERFORM commenter_bitmap_add(add_pubs, add_days, add_ids); END IF;
  IF gone_pubs IS NOT NULL THEN PERFORM commenter_bitmap_refresh(gone_pubs, gone_days); END IF;
  RETURN NULL;
END
$$;
