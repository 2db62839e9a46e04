"use client";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useImportsQuery, useSetScheduleMutation, useStartImportMutation } from "@/lib/client/use-imports";
import { type ImportsResponse, SYNC_INTERVALS } from "@/lib/schemas/imports";
import { ImportStatus, importProgressText } from "./import-status";
import { TableScroll } from "./table-scroll";

const INTERVAL_LABELS: Record<number, string> = {
  15: "every 15 minutes",
  60: "hourly",
  360: "every 6 hours",
  1440: "daily",
};

export function ImportsPanel({ initialData }: { initialData: ImportsResponse }) {
  const { data, error } = useImportsQuery(initialData);
  const start = useStartImportMutation();
  const schedule = useSetScheduleMutation();
  const [message, setMessage] = useState<string | null>(null);
  const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  const number = new Intl.NumberFormat();

  async function onStart(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const since = String(form.get("since") ?? "");
    const posts = String(form.get("posts") ?? "");
    const cookieEnv = String(form.get("cookieEnv") ?? "").trim();
    setMessage(null);
    try {
      const result = await start.mutateAsync({
        url: String(form.get("url") ?? ""),
        ...(since ? { since } : {}),
        ...(posts ? { posts: Number(posts) } : {}),
        ...(cookieEnv ? { cookieEnv } : {}),
      });
      setMessage(
        result.queued
          ? `Import of ${result.url} queued; it appears below when it starts.`
          : `An import of ${result.url} is already waiting.`,
      );
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  }

  if (error)
    return (
      <p className="error" role="alert">
        Could not load the imports: {error.message}
      </p>
    );
  return (
    <>
      <section className="panel" aria-labelledby="start-title">
        <h2 id="start-title">Import from Substack</h2>
        <form
          onSubmit={onStart}
          style={{ display: "flex", gap: 12, flexWrap: "wrap", alignItems: "flex-end" }}
        >
          <div>
            <label htmlFor="import-url">Publication address</label>
            <input
              id="import-url"
              name="url"
              required
              placeholder="https://example.substack.com"
              style={{ width: 300 }}
            />
          </div>
          <div>
            <label htmlFor="import-since">Posts since (optional)</label>
            <input id="import-since" name="since" type="date" />
          </div>
          <div>
            <label htmlFor="import-posts">At most N posts</label>
            <input id="import-posts" name="posts" type="number" min={1} style={{ width: 110 }} />
          </div>
          <div>
            <label htmlFor="import-cookie">Cookie variable (optional)</label>
            <input id="import-cookie" name="cookieEnv" placeholder="SUBSTACK_SID" style={{ width: 160 }} />
          </div>
          <button className="primary" type="submit" disabled={start.isPending}>
            Start import
          </button>
        </form>
        <p className="subtle" style={{ fontSize: 13 }}>
          For publications that show comments only to signed-in readers, put the author's{" "}
          <code>substack.sid</code> cookie in an environment variable of the server whose name starts with{" "}
          <code>SUBSTACK_</code> and give its name; the cookie itself is never stored or shown.
        </p>
        {message && <p role="status">{message}</p>}
      </section>

      <section className="panel" aria-labelledby="publications-title">
        <h2 id="publications-title">Publications</h2>
        {data.publications.length === 0 ? (
          <p className="empty">No publication yet: paste a Substack address above and start an import.</p>
        ) : (
          <TableScroll label="Publications table">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Publication</th>
                  <th scope="col" className="num">
                    Posts
                  </th>
                  <th scope="col" className="num">
                    Comments
                  </th>
                  <th scope="col">Last sync</th>
                  <th scope="col">Sync</th>
                </tr>
              </thead>
              <tbody>
                {data.publications.map((p) => (
                  <tr key={p.id}>
                    <td>
                      {p.name}
                      <div className="subtle" style={{ fontSize: 12 }}>
                        {p.baseUrl}
                      </div>
                    </td>
                    <td className="num">{number.format(p.posts)}</td>
                    <td className="num">{number.format(p.comments)}</td>
                    <td>{p.lastSyncedAt ? dateTime.format(new Date(p.lastSyncedAt)) : "never"}</td>
                    <td>
                      {p.platform === "SUBSTACK" && p.baseUrl.startsWith("http") ? (
                        <select
                          aria-label={`Sync schedule of ${p.name}`}
                          value={p.syncIntervalMinutes ?? ""}
                          onChange={(e) =>
                            schedule.mutate({
                              publicationId: p.id,
                              intervalMinutes: e.target.value === "" ? null : Number(e.target.value),
                            })
                          }
                        >
                          <option value="">no schedule</option>
                          {SYNC_INTERVALS.map((m) => (
                            <option key={m} value={m}>
                              {INTERVAL_LABELS[m]}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <span className="subtle">file import</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {schedule.error && (
          <p className="error" role="alert">
            {schedule.error.message}
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="runs-title">
        <h2 id="runs-title">Runs</h2>
        {data.runs.length === 0 ? (
          <p className="empty">No import has run yet. Start one above; its progress shows here.</p>
        ) : (
          <TableScroll label="Runs table">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">Publication</th>
                  <th scope="col">Status</th>
                  <th scope="col">Progress</th>
                  <th scope="col" className="num">
                    New
                  </th>
                  <th scope="col" className="num">
                    Updated
                  </th>
                  <th scope="col" className="num">
                    Unchanged
                  </th>
                  <th scope="col" className="num">
                    Issues
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.runs.map((run) => (
                  <tr key={run.id}>
                    <td>
                      <Link href={`/imports/${run.id}`}>{dateTime.format(new Date(run.startedAt))}</Link>
                    </td>
                    <td>{run.publicationName ?? "—"}</td>
                    <td>
                      <ImportStatus run={run} />
                    </td>
                    <td>{importProgressText(run)}</td>
                    <td className="num">{number.format(run.commentsNew)}</td>
                    <td className="num">{number.format(run.commentsUpdated)}</td>
                    <td className="num">{number.format(run.commentsUnchanged)}</td>
                    <td className="num">{number.format(run.issueCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
