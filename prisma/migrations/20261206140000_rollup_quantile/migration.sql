-- The q-quantile of a post's sentiment (as percentile_cont: position q·(n-1) between the sorted values) from its
-- rollup's histogram (post_rollup.sentiment_bins: width_bucket(v, -1, 1, 200), the open bins at each end), each
-- value at its bin's middle (the open bins at -1 and 1): within one bin (0.01) of the exact figure. In SQL so
-- the overview reads two numbers a post, not 202.
CREATE FUNCTION rollup_quantile(bins int[], q float8) RETURNS float8 LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  n bigint := 0;
  position float8;
  below bigint;
  low float8;
  high float8;
  seen bigint := 0;
  k int;
  value_at float8;
  want bigint;
BEGIN
  IF bins IS NULL THEN RETURN NULL; END IF;
  SELECT coalesce(sum(x), 0) INTO n FROM unnest(bins) x;
  IF n = 0 THEN RETURN NULL; END IF;
  position := q * (n - 1);
  below := floor(position);
  -- The values at ranks `below` and `below + 1` (0-based), found in one pass.
  FOR pass IN 0 .. 1 LOOP
    want := least(below + pass, n - 1);
    seen := 0;
    value_at := 1;
    FOR k IN 1 .. cardinality(bins) LOOP
      seen := seen + coalesce(bins[k], 0);
      IF want < seen THEN
        value_at := CASE WHEN k = 1 THEN -1 WHEN k > 201 THEN 1 ELSE -1 + (k - 1 - 0.5) * 0.01 END;
        EXIT;
      END IF;
    END LOOP;
    IF pass = 0 THEN low := value_at; ELSE high := value_at; END IF;
  END LOOP;
  RETURN low + (high - low) * (position - below);
END
$$;
