import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ENTITY_KIND_LABELS, MentionSentiment } from "@/app/_components/entity-parts";
import { COMMENT_FILTER_OPTIONS, FilterSelect } from "@/app/_components/filter-select";
import { HighlightedText } from "@/app/_components/highlighted-text";
import { KeyboardList } from "@/app/_components/keyboard-list";
import { ToneBadge } from "@/app/_components/label-badges";
import { LocalTime } from "@/app/_components/local-time";
import { StackedBars } from "@/app/_components/svg-charts";
import { ToneMixFigure } from "@/app/_components/tone-mix-figure";
import { formatInteger, formatSignedDecimal } from "@/lib/analytics/format";
import { SENTIMENT_LABEL_COLORS } from "@/lib/analytics/palette";
import { entityDetailParamsSchema } from "@/lib/schemas/entities";
import { firstSearchParams } from "@/lib/schemas/route-params";
import { getEntity } from "@/lib/server/insights/entities";
import { BadCursorError } from "@/lib/server/keyset-cursor";
import { requirePageViewer } from "@/lib/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Name" };

type Props = {
  params: Promise<{ entityId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const FILTER_KEYS = ["tone", "stance", "sentiment", "status", "q", "aspect", "post"] as const;

/** One person, place or organisation: mentions over time, where, how the sentences sound, and the comments. */
export default async function EntityPage({ params, searchParams }: Props) {
  await requirePageViewer("read");
  const { entityId: rawId } = await params;
  if (!/^\d{1,9}$/.test(rawId)) notFound();
  const raw = firstSearchParams(await searchParams);
  const parsed = entityDetailParamsSchema.safeParse(raw);
  const filters = parsed.success ? parsed.data : {};
  // A stale or hand-edited cursor starts from the first page rather than failing the page.
  const detail = await getEntity(Number(rawId), filters).catch((error: unknown) => {
    if (error instanceof BadCursorError) return getEntity(Number(rawId), { ...filters, cursor: undefined });
    throw error;
  });
  if (!detail) notFound();
  const { entity } = detail;
  const kept = Object.fromEntries(FILTER_KEYS.flatMap((k) => (raw[k] ? [[k, raw[k]]] : [])));
  const filtered = Object.keys(kept).length > 0;
  return (
    <>
      <p className="crumbs">
        <Link href="/entities">People, places and organisations</Link> / {ENTITY_KIND_LABELS[entity.kind]}
      </p>
      <h1>{entity.name}</h1>
      <p className="subtle">
        {formatInteger(entity.mentions)} mentions in {formatInteger(entity.comments)} comments on{" "}
        {formatInteger(entity.posts)} posts
        {entity.aliases.length > 1 && ` · written ${entity.aliases.join(", ")}`}
      </p>
      <section className="panel" aria-labelledby="entity-figures">
        <h2 id="entity-figures">How readers speak of {entity.name}</h2>
        <p>
          Sentences mentioning {entity.name}: <MentionSentiment sentiment={entity.sentiment} />
          {entity.sentiment.mean !== null &&
            ` · mean sentiment ${formatSignedDecimal(entity.sentiment.mean)}`}
        </p>
        <p>
          Tone of those sentences:{" "}
          <ToneMixFigure counts={entity.tones} label="Tone of the mentioning sentences" />
        </p>
        <div className="chart-grid">
          <StackedBars
            title="Mentions per week"
            xLabel="Week of"
            rows={detail.timeline.map((w) => ({
              label: w.week,
              values: { positive: w.positive, neutral: w.neutral, negative: w.negative },
            }))}
            series={(["positive", "neutral", "negative"] as const).map((k) => ({
              key: k,
              label: `${k[0]!.toUpperCase()}${k.slice(1)} sentence`,
              color: SENTIMENT_LABEL_COLORS[k],
            }))}
          />
          <div>
            <h3>Posts where readers mention {entity.name}</h3>
            <table className="data row-headers">
              <thead>
                <tr>
                  <th scope="col">Post</th>
                  <th scope="col" className="num">
                    Mentions
                  </th>
                  <th scope="col" className="num">
                    Mean sentiment
                  </th>
                </tr>
              </thead>
              <tbody>
                {detail.perPost.map((p) => (
                  <tr key={p.postId}>
                    <th scope="row">
                      <Link href={`/entities/${entity.id}?post=${p.postId}`}>{p.title || "(untitled)"}</Link>
                    </th>
                    <td className="num">{formatInteger(p.mentions)}</td>
                    <td className="num">{formatSignedDecimal(p.mean)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </section>

      <section className="panel" aria-labelledby="entity-mentions">
        <h2 id="entity-mentions">The comments</h2>
        <form
          className="filters"
          action={`/entities/${entity.id}`}
          method="get"
          aria-label="Filter the mentions"
        >
          <FilterSelect
            id="entity-aspect"
            name="aspect"
            label="Sentence sentiment"
            anyLabel="Any"
            options={COMMENT_FILTER_OPTIONS.sentiment}
            defaultValue={raw.aspect ?? ""}
          />
          <FilterSelect
            id="entity-tone"
            name="tone"
            label="Comment tone"
            anyLabel="Any tone"
            options={COMMENT_FILTER_OPTIONS.tone}
            defaultValue={raw.tone ?? ""}
          />
          <FilterSelect
            id="entity-stance"
            name="stance"
            label="Stance"
            anyLabel="Any stance"
            options={COMMENT_FILTER_OPTIONS.stance}
            defaultValue={raw.stance ?? ""}
          />
          <FilterSelect
            id="entity-sentiment"
            name="sentiment"
            label="Comment sentiment"
            anyLabel="Any"
            options={COMMENT_FILTER_OPTIONS.sentiment}
            defaultValue={raw.sentiment ?? ""}
          />
          <FilterSelect
            id="entity-status"
            name="status"
            label="Status"
            anyLabel="Any status"
            options={COMMENT_FILTER_OPTIONS.status}
            defaultValue={raw.status ?? ""}
          />
          <span>
            <label htmlFor="entity-q">Text</label>
            <input id="entity-q" name="q" defaultValue={raw.q ?? ""} maxLength={200} />
          </span>
          {raw.post && <input type="hidden" name="post" value={raw.post} />}
          <button type="submit">Apply</button>
          {filtered && <Link href={`/entities/${entity.id}`}>Clear filters</Link>}
        </form>
        <p className="subtle" data-testid="entity-mention-count">
          {formatInteger(detail.total)} mentions{filtered ? " match the filters" : ""}
        </p>
        <KeyboardList className="search-hits" testId="entity-mentions">
          {detail.mentions.map((m) => (
            <li key={m.mentionId} className="search-hit" data-testid="entity-mention">
              <p className="search-hit-head">
                <Link href={m.href} data-list-key>
                  <strong>{m.authorName}</strong> on {m.postTitle || "(untitled)"}
                </Link>{" "}
                <span className="subtle">
                  <LocalTime iso={m.postedAt} />
                </span>{" "}
                <span className="badge">Sentence: {m.sentenceSentiment}</span>{" "}
                {m.commentTone && <ToneBadge tone={m.commentTone} />}
              </p>
              <p className="search-hit-text">
                <HighlightedText segments={m.sentence} />
              </p>
            </li>
          ))}
        </KeyboardList>
        {detail.nextCursor && (
          <p className="pager">
            <Link
              className="button"
              rel="next"
              href={`/entities/${entity.id}?${new URLSearchParams({ ...kept, cursor: detail.nextCursor })}`}
            >
              Next page
            </Link>
          </p>
        )}
      </section>
    </>
  );
}
