-- Addresses from imported data are links people click: only http(s) ones are kept (lib/safe-href.ts checks every
-- new one). Earlier imports stored whatever a file or feed said.
UPDATE "post" SET "url" = NULL WHERE "url" IS NOT NULL AND "url" !~* '^https?://';
UPDATE "commenter" SET "photo_url" = NULL WHERE "photo_url" IS NOT NULL AND "photo_url" !~* '^https?://';
