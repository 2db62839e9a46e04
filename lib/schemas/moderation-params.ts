import { z } from "zod";
import { rowIdText } from "./bounds";

const id = rowIdText;

/** Path parameters of the moderation routes (segment names are fixed project-wide). */
export const commentParamsSchema = z.strictObject({ commentId: id });
export const commenterParamsSchema = z.strictObject({ commenterId: id });
export const postParamsSchema = z.strictObject({ postId: id });
export const flagParamsSchema = z.strictObject({ flagId: id });
export const userParamsSchema = z.strictObject({ userId: z.string().min(1).max(100) });
