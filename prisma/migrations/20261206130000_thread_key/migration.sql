-- AlterTable
ALTER TABLE "comment" ADD COLUMN "thread_key" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- The thread order follows ancestor_path whoever writes it (imports, repairs, fixtures): a row trigger keeps
-- the key, so no writer can forget it.
CREATE FUNCTION comment_thread_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.thread_key := string_to_array(nullif(NEW.ancestor_path, ''), '.')::int[] || NEW.id;
  RETURN NEW;
END
$$;

CREATE TRIGGER comment_thread_key BEFORE INSERT OR UPDATE OF ancestor_path, id ON comment
  FOR EACH ROW EXECUTE FUNCTION comment_thread_key();

UPDATE "comment" SET thread_key = string_to_array(nullif(ancestor_path, ''), '.')::int[] || id;

-- CreateIndex
CREATE INDEX "comment_post_id_thread_key_idx" ON "comment"("post_id", "thread_key");
