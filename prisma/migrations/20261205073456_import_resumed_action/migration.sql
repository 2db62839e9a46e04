-- AlterEnum
ALTER TYPE "ModerationActionKind" ADD VALUE 'IMPORT_RESUMED';
