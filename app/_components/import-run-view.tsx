"use client";
import Link from "next/link";
import { useImportRunQuery } from "@/lib/client/use-imports";
import type { ImportRunDetail } from "@/lib/schemas/imports";
import { ImportStatus } from "./import-status";
import { TableScroll } from "./table-scroll";

export function ImportRunView({ initialData }: { initialData: ImportRunDetail }) {
  const { data: run } = useImportRunQuery(initialData);
  const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
  const number = new Intl.NumberFormat();
  const total = run.postsTotal ?? 0;
  const figures: [string, number][] = [
    ["Comments new", run.commentsNew],
    ["Updated", run.commentsUpdated],
    ["Unchanged", run.commentsUnchanged],
    ["Vanished upstream", run.commentsVanished],
    ["Issues", run.issueCount],
  ];
  return (
    <>
      <p>
        <Link href="/imports">← Imports</Link>
      </p>
      <h1>
        Import run {run.id} <ImportStatus run={run} />
      </h1>
      <p className="subtle">
        {run.publicationName ?? "—"} · started {dateTime.format(new Date(run.startedAt))}
        {run.finishedAt ? ` · finished ${dateTime.format(new Date(run.finishedAt))}` : ""}
      </p>
      <section className="panel" aria-labelledby="progress-title">
        <h2 id="progress-title">Progress</h2>
        <progress
          value={run.postsDone}
          max={Math.max(total, 1)}
          style={{ width: "100%" }}
          aria-label="posts done"
        />
        <p>
          {number.format(run.postsDone)} of {run.postsTotal === null ? "?" : number.format(run.postsTotal)}{" "}
          posts
        </p>
        <dl style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(140px, 1fr))", gap: 12 }}>
          {figures.map(([label, value]) => (
            <div key={label}>
              <dt className="subtle" style={{ fontSize: 12 }}>
                {label}
              </dt>
              <dd style={{ margin: 0, fontSize: 22 }}>{number.format(value)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="panel" aria-labelledby="errors-title">
        <h2 id="errors-title">Issues</h2>
        {run.errors.length === 0 ? (
          <p className="subtle">None.</p>
        ) : (
          <TableScroll label="Import issues table">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Where</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {run.errors.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder.
                  <tr key={i}>
                    <td>{e.location}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {run.issueCount > run.errors.length && (
          <p className="subtle">
            Only the first {run.errors.length} of {run.issueCount} issues are kept.
          </p>
        )}
      </section>
    </>
  );
}
