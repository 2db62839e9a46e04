-- AlterTable
ALTER TABLE "moderation_action" ADD COLUMN     "actor_email" TEXT,
ADD COLUMN     "actor_name" TEXT,
ADD COLUMN     "actor_role" "Role";

-- Who acted, as they were when the row was written: copied from "user" whatever the inserter says, so a later
-- rename (or a forged value) never changes who the log says did what.
CREATE FUNCTION "moderation_action_actor_details"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.actor_id IS NULL THEN
    NEW.actor_name := NULL;
    NEW.actor_email := NULL;
    NEW.actor_role := NULL;
  ELSE
    SELECT u.name, u.email, u.role INTO NEW.actor_name, NEW.actor_email, NEW.actor_role
    FROM "user" u WHERE u.id = NEW.actor_id;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "moderation_action_actor_details"
  BEFORE INSERT ON "moderation_action"
  FOR EACH ROW EXECUTE FUNCTION "moderation_action_actor_details"();

-- Rows written before: the best there is is the actor as they are now. Only the migration (the tables' owner)
-- may lift the append-only trigger, inside this transaction.
ALTER TABLE "moderation_action" DISABLE TRIGGER "moderation_action_no_update_or_delete";
UPDATE "moderation_action" m SET actor_name = u.name, actor_email = u.email, actor_role = u.role
FROM "user" u WHERE u.id = m.actor_id;
ALTER TABLE "moderation_action" ENABLE TRIGGER "moderation_action_no_update_or_delete";
