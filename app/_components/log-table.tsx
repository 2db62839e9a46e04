import { ruleTitle } from "@/lib/moderation/rule-catalog";
import type { LogRow } from "@/lib/schemas/moderation-log";
import { LogTime } from "./log-time";
import { TableScroll } from "./table-scroll";

function targetHref(row: LogRow): string | null {
  if (row.postId !== null && row.targetType === "POST") return `/posts/${row.postId}`;
  if (row.commentId !== null && row.postId !== null) return `/posts/${row.postId}#comment-${row.commentId}`;
  if (row.commenterId !== null) return `/commenters/${row.commenterId}`;
  return null;
}

function change(row: LogRow): string {
  const show = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));
  const before = show(row.before);
  const after = show(row.after);
  if (!before && !after) return "";
  return before ? `${before} → ${after}` : after;
}

/** The moderation log as a table; every value is rendered as text. */
export function LogTable({ rows }: { rows: LogRow[] }) {
  if (rows.length === 0)
    return (
      <p className="empty">
        No log rows match these filters. Widen the dates or choose “Anyone” and “Any action”, or clear the
        filters.
      </p>
    );
  return (
    <TableScroll label="Log rows table">
      <table className="data log-table" data-testid="log-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Reason / rule</th>
            <th scope="col">Note</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const href = targetHref(row);
            const target = `${row.targetType.toLowerCase().replace("_", " ")} #${row.targetId}`;
            return (
              <tr key={row.id} data-testid="log-row">
                <td>
                  <LogTime iso={row.createdAt} />
                </td>
                <td>
                  {row.actorId === null ? (
                    <span className="subtle">system</span>
                  ) : (
                    (row.actorName ?? row.actorId)
                  )}
                </td>
                <td>
                  <span className="badge">{row.action.replaceAll("_", " ").toLowerCase()}</span>
                </td>
                <td>{href ? <a href={href}>{target}</a> : target}</td>
                <td>
                  {row.reason?.replaceAll("_", " ").toLowerCase()}
                  {row.rule && <span className="subtle"> (rule “{ruleTitle(row.rule)}”)</span>}
                  {row.matchedText && (
                    <>
                      {" "}
                      <q>{row.matchedText}</q>
                    </>
                  )}
                </td>
                <td>{row.note}</td>
                <td className="log-change">{change(row)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
