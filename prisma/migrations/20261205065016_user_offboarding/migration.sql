-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ModerationActionKind" ADD VALUE 'USER_DISABLED';
ALTER TYPE "ModerationActionKind" ADD VALUE 'USER_ENABLED';
ALTER TYPE "ModerationActionKind" ADD VALUE 'USER_PASSWORD_RESET';
ALTER TYPE "ModerationActionKind" ADD VALUE 'USER_SESSIONS_REVOKED';

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "disabled_at" TIMESTAMPTZ;
