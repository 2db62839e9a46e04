-- The headline ORs a range's month bitmaps on every request; compressed (pglz), reading them cost more than
-- the OR itself (34 months at 1M comments: 2.3 ms to read compressed, 0.3 ms stored plain). Month bitmaps are
-- dense enough that compression saved little (1.4 MB -> 3.6 MB at 1M comments). Day bitmaps are sparse and
-- stay compressed.
ALTER TABLE "commenter_month_bitmap" ALTER COLUMN "commenters" SET STORAGE EXTERNAL;

-- Storage applies to values written from now on: write every stored bitmap again (`|| B''` makes a new value).
UPDATE "commenter_month_bitmap" SET "commenters" = "commenters" || B'';
