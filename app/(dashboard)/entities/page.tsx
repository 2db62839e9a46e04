import type { Metadata } from "next";
import Link from "next/link";
import { ENTITY_KIND_LABELS, MentionSentiment } from "@/app/_components/entity-parts";
import { Sparkline } from "@/app/_components/svg-charts";
import { TableScroll } from "@/app/_components/table-scroll";
import { ToneMixFigure } from "@/app/_components/tone-mix-figure";
import { formatInteger } from "@/lib/analytics/format";
import { ENTITY_KINDS } from "@/lib/insights/entities/types";
import { entityListParamsSchema } from "@/lib/schemas/entities";
import { firstSearchParams } from "@/lib/schemas/route-params";
import { listEntities } from "@/lib/server/insights/entities";
import { pagePublicationId } from "@/lib/server/publication-scope";
import { requirePageViewer } from "@/lib/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People, places and organisations" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The most mentioned entities with their weekly trend and the tone of the sentences around them. */
export default async function EntitiesPage({ searchParams }: Props) {
  await requirePageViewer("read");
  const raw = firstSearchParams(await searchParams);
  const parsed = entityListParamsSchema.safeParse(raw);
  const params = parsed.success ? parsed.data : {};
  const list = await listEntities({
    ...params,
    publication: params.publication ?? (await pagePublicationId()),
  });
  return (
    <>
      <h1>People, places and organisations</h1>
      <p className="subtle">
        Names readers mention, with their spellings merged, and how the sentences that mention them sound (not
        the whole comment). Trend: mentions per week over the last twelve weeks of the range.
      </p>
      {!parsed.success && (
        <p className="error" role="alert">
          Some filters were not understood and were left out.
        </p>
      )}
      <form className="panel filters" action="/entities" method="get" aria-label="Filter the names">
        <span>
          <label htmlFor="entities-kind">Kind</label>
          <select id="entities-kind" name="kind" defaultValue={raw.kind ?? ""}>
            <option value="">Every kind</option>
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {ENTITY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </span>
        <span>
          <label htmlFor="entities-from">From</label>
          <input id="entities-from" type="date" name="from" defaultValue={raw.from ?? ""} />
        </span>
        <span>
          <label htmlFor="entities-to">To</label>
          <input id="entities-to" type="date" name="to" defaultValue={raw.to ?? ""} />
        </span>
        <button type="submit">Apply</button>
      </form>
      <section className="panel" aria-labelledby="entities-title">
        <h2 id="entities-title">Most mentioned</h2>
        {list.entities.length === 0 ? (
          <p className="empty">
            No names found in these comments yet (the entity job reads new comments every minute).
          </p>
        ) : (
          <TableScroll label="Most mentioned names">
            <table className="data row-headers" data-testid="entities-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">
                    Mentions
                  </th>
                  <th scope="col" className="num">
                    Posts
                  </th>
                  <th scope="col">
                    Trend ({list.weeks[0]} – {list.weeks.at(-1)})
                  </th>
                  <th scope="col">Sentiment around it</th>
                  <th scope="col">Tone around it</th>
                </tr>
              </thead>
              <tbody>
                {list.entities.map((e) => (
                  <tr key={e.id} data-testid="entity-row">
                    <th scope="row">
                      <Link href={`/entities/${e.id}`}>{e.name}</Link>
                      {e.aliases.length > 1 && (
                        <div className="subtle entity-aliases">
                          also {e.aliases.filter((a) => a !== e.name).join(", ")}
                        </div>
                      )}
                    </th>
                    <td>{ENTITY_KIND_LABELS[e.kind]}</td>
                    <td className="num">{formatInteger(e.mentions)}</td>
                    <td className="num">{formatInteger(e.posts)}</td>
                    <td>
                      <Sparkline values={e.trend} label={`Weekly mentions of ${e.name}`} />
                    </td>
                    <td>
                      <MentionSentiment sentiment={e.sentiment} />
                    </td>
                    <td>
                      <ToneMixFigure counts={e.tones} label={`Tone of the sentences mentioning ${e.name}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <details className="chart-table">
              <summary>Weekly mentions as a table</summary>
              <table className="data row-headers">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    {list.weeks.map((w) => (
                      <th key={w} scope="col" className="num">
                        {w.slice(5)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {list.entities.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">{e.name}</th>
                      {e.trend.map((n, i) => (
                        <td key={list.weeks[i]} className="num">
                          {formatInteger(n)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </TableScroll>
        )}
      </section>
    </>
  );
}
