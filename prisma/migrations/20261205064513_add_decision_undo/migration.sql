-- AlterEnum
ALTER TYPE "ModerationActionKind" ADD VALUE 'DECISION_UNDONE';

-- AlterTable
ALTER TABLE "moderation_action" ADD COLUMN     "undoes_id" BIGINT;

-- CreateIndex
CREATE UNIQUE INDEX "moderation_action_undoes_id_key" ON "moderation_action"("undoes_id");

-- AddForeignKey
ALTER TABLE "moderation_action" ADD CONSTRAINT "moderation_action_undoes_id_fkey" FOREIGN KEY ("undoes_id") REFERENCES "moderation_action"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
