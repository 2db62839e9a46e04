-- AlterEnum
ALTER TYPE "ModerationActionKind" ADD VALUE 'RULES_RERUN';
