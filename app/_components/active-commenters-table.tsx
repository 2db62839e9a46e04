import Link from "next/link";
import { formatInteger } from "@/lib/analytics/format";
import type { ActiveCommenters } from "@/lib/schemas/post-figures";
import { ToneBadge } from "./label-badges";
import { TableScroll } from "./table-scroll";

/** The most active commenters of a thread, with links to their pages. */
export function ActiveCommentersTable({ data }: { data: ActiveCommenters }) {
  if (data.commenters.length === 0)
    return <p className="empty">No commenter matches these filters: clear a filter to see them.</p>;
  return (
    <TableScroll label="Most active commenters table">
      <table className="data" data-testid="active-commenters">
        <caption className="visually-hidden">The most active commenters of this thread</caption>
        <thead>
          <tr>
            <th scope="col">Commenter</th>
            <th scope="col" className="num">
              Comments
            </th>
            <th scope="col" className="num">
              Disagree
            </th>
            <th scope="col">Usual tone</th>
          </tr>
        </thead>
        <tbody>
          {data.commenters.map((c) => (
            <tr key={`${c.commenterId ?? "anon"}-${c.name}`}>
              <td>
                {c.commenterId === null ? (
                  c.name
                ) : (
                  <Link href={`/commenters/${c.commenterId}`}>{c.name}</Link>
                )}
              </td>
              <td className="num">{formatInteger(c.comments)}</td>
              <td className="num">{formatInteger(c.disagree)}</td>
              <td>{c.topTone ? <ToneBadge tone={c.topTone} /> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
