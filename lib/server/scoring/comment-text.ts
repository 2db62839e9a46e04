import "server-only";
import type postgres from "postgres";
import type { Sql } from "@/lib/db/sql";
import type { ScoreContext } from "@/lib/scoring/types";

/**
 * What every scorer reads of a stored comment: its text and where it stands (the post's title and body,
 * whether it is a reply). `commentTextColumns` selects it FROM `comment c JOIN post p ON p.id = c.post_id`;
 * `scoreContextOf` turns a row into the scorer's context. One place, so every scorer sees the same input.
 */
export interface CommentTextRow {
  id: number;
  body: string;
  is_reply: boolean;
  title: string;
  body_html: string | null;
}

/** The columns, for `sql` or a transaction of it. */
export function commentTextColumns(sql: Sql | postgres.TransactionSql): postgres.Fragment {
  return sql`c.id, c.body, (c.parent_external_id IS NOT NULL) AS is_reply, p.title, p.body_html`;
}

export function scoreContextOf(row: CommentTextRow): ScoreContext {
  return { postTitle: row.title, postBody: row.body_html, isReply: row.is_reply };
}
