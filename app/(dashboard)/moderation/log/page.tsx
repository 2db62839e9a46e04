import type { Metadata } from "next";
import Link from "next/link";
import { LOG_ACTIONS, LOG_TARGET_TYPES, type LogFilters, logQuerySchema } from "@/lib/schemas/moderation-log";
import { listModerationLog } from "@/lib/server/moderation/log";
import { pagePublicationId } from "@/lib/server/publication-scope";
import { requirePageViewer } from "@/lib/server/session";
import { listUsers } from "@/lib/server/users";
import { LogTable } from "../../../_components/log-table";

export const metadata: Metadata = { title: "Moderation log" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v) out[key] = v;
  }
  return out;
}

function filterParams(filters: LogFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (typeof value === "string" && value) params.set(key, value);
  return params;
}

export default async function ModerationLogPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageViewer("moderate");
  const parsed = logQuerySchema.safeParse(firstValues(await searchParams));
  const query = parsed.success ? parsed.data : logQuerySchema.parse({});
  const { cursor: _cursor, limit: _limit, publicationId: _publicationId, ...filters } = query;
  const [page, people] = await Promise.all([
    listModerationLog({ ...query, publicationId: query.publicationId ?? (await pagePublicationId()) }),
    listUsers(),
  ]);
  const params = filterParams(filters);
  const older = page.nextCursor
    ? `/moderation/log?${new URLSearchParams([...params, ["cursor", page.nextCursor]])}`
    : null;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Moderation log</h1>
          <p className="subtle">
            Every decision, flag, note, status change and setting change. Nothing here is ever edited or
            deleted.
          </p>
        </div>
        <Link href="/moderation" className="button">
          Back to the queue
        </Link>
      </div>
      {!parsed.success && (
        <p className="error" role="alert">
          Some filters were not understood and were ignored.
        </p>
      )}
      <form className="panel form-inline" method="get" action="/moderation/log" aria-label="Filter the log">
        <div>
          <label htmlFor="log-actor">Person</label>
          <select id="log-actor" name="actor" defaultValue={filters.actor ?? ""}>
            <option value="">Anyone</option>
            <option value="system">The system (rules)</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.email})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="log-action">Action</label>
          <select id="log-action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">Any action</option>
            {LOG_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a.replaceAll("_", " ").toLowerCase()}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="log-target-type">Target</label>
          <select id="log-target-type" name="targetType" defaultValue={filters.targetType ?? ""}>
            <option value="">Any target</option>
            {LOG_TARGET_TYPES.map((t) => (
              <option key={t} value={t}>
                {t.replace("_", " ").toLowerCase()}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="log-target-id">Target id</label>
          <input id="log-target-id" name="targetId" size={8} defaultValue={filters.targetId ?? ""} />
        </div>
        <div>
          <label htmlFor="log-from">From (UTC)</label>
          <input id="log-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div>
          <label htmlFor="log-to">To (UTC)</label>
          <input id="log-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <button type="submit" className="primary">
          Filter
        </button>
        <Link href="/moderation/log" className="button">
          Clear
        </Link>
        <a className="button" href={`/api/moderation/log/csv?${params}`} download>
          Export CSV
        </a>
      </form>
      <section className="panel" aria-label="Log rows">
        <LogTable rows={page.rows} />
        {older && (
          <p>
            <Link href={older}>Older rows →</Link>
          </p>
        )}
      </section>
    </>
  );
}
