import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ENTITY_KIND_LABELS } from "@/app/_components/entity-parts";
import { PostArgumentsPanel } from "@/app/_components/post-arguments";
import { PrintButton } from "@/app/_components/print-button";
import { StackedBars } from "@/app/_components/svg-charts";
import { TableScroll } from "@/app/_components/table-scroll";
import { STANCE_LABELS } from "@/lib/analytics/chart-rows";
import { formatInteger, formatSignedDecimal } from "@/lib/analytics/format";
import { SENTIMENT_LABEL_COLORS, STANCE_COLORS, TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import { STANCES, TONES } from "@/lib/scoring/types";
import { getPostReport } from "@/lib/server/insights/post-report";
import { requirePageViewer } from "@/lib/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Report" };

type Props = { params: Promise<{ postId: string }> };

const pct = (n: number, total: number) => (total === 0 ? "0%" : `${Math.round((n / total) * 100)}%`);

/**
 * A post's report for keeping: headline figures, tone and stance, the arguments with quotes, the names
 * discussed and the versions that made them. Laid out for paper (app/insights.css, @media print).
 */
export default async function PostReportPage({ params }: Props) {
  await requirePageViewer("read");
  const { postId: raw } = await params;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const report = await getPostReport(Number(raw));
  if (!report) notFound();
  const { post, tones, stances, sentiment } = report;
  const sentimentTotal = sentiment.positive + sentiment.neutral + sentiment.negative;
  return (
    <article className="report" data-testid="post-report">
      <p className="crumbs no-print">
        <Link href={`/posts/${post.id}`}>Back to the post</Link> · <PrintButton />
      </p>
      <header className="report-head">
        <p className="subtle">{post.publicationName} · report on the comments</p>
        <h1>{post.title || "(untitled)"}</h1>
        <p className="subtle">
          {post.publishedAt ? `Published ${post.publishedAt.slice(0, 10)} · ` : ""}Report made{" "}
          {report.generatedAt.slice(0, 16).replace("T", " ")} UTC
        </p>
      </header>

      <section className="report-section" aria-labelledby="report-figures">
        <h2 id="report-figures">Headline figures</h2>
        <dl className="report-figures">
          <div>
            <dt>Comments</dt>
            <dd>{formatInteger(post.comments)}</dd>
          </div>
          <div>
            <dt>Commenters</dt>
            <dd>{formatInteger(post.commenters)}</dd>
          </div>
          <div>
            <dt>Disagreeing</dt>
            <dd>{pct(stances.stances.disagree, stances.total)}</dd>
          </div>
          <div>
            <dt>Hostile</dt>
            <dd>{pct(tones.tones.hostile, tones.total)}</dd>
          </div>
          <div>
            <dt>Mean sentiment</dt>
            <dd>{sentiment.mean === null ? "–" : formatSignedDecimal(sentiment.mean)}</dd>
          </div>
          <div>
            <dt>Open flags</dt>
            <dd>{formatInteger(post.openFlags)}</dd>
          </div>
        </dl>
      </section>

      <section className="report-section report-charts" aria-labelledby="report-tone">
        <h2 id="report-tone">Tone and stance</h2>
        <StackedBars
          title="Tone of the comments"
          xLabel="Tone"
          rows={TONES.map((t) => ({ label: TONE_LABELS[t], values: { [t]: tones.tones[t] } }))}
          series={TONES.map((t) => ({ key: t, label: TONE_LABELS[t], color: TONE_COLORS[t] }))}
        />
        <StackedBars
          title="Stance toward the post"
          xLabel="Stance"
          rows={STANCES.map((s) => ({
            label: STANCE_LABELS[s],
            values: { [s]: stances.stances[s] },
          }))}
          series={STANCES.map((s) => ({ key: s, label: STANCE_LABELS[s], color: STANCE_COLORS[s] }))}
        />
        <div className="report-table">
          <TableScroll label="Tone, stance and sentiment in numbers">
            <table className="data row-headers">
              <caption>
                Tone, stance and sentiment in numbers ({formatInteger(tones.total)} scored comments)
              </caption>
              <tbody>
                {TONES.map((t) => (
                  <tr key={t}>
                    <th scope="row">{TONE_LABELS[t]}</th>
                    <td className="num">{formatInteger(tones.tones[t])}</td>
                    <td className="num">{pct(tones.tones[t], tones.total)}</td>
                  </tr>
                ))}
                {STANCES.map((s) => (
                  <tr key={s}>
                    <th scope="row">Stance: {STANCE_LABELS[s]}</th>
                    <td className="num">{formatInteger(stances.stances[s])}</td>
                    <td className="num">{pct(stances.stances[s], stances.total)}</td>
                  </tr>
                ))}
                {(["positive", "neutral", "negative"] as const).map((k) => (
                  <tr key={k}>
                    <th scope="row">
                      <svg width="10" height="10" aria-hidden="true">
                        <rect width="10" height="10" fill={SENTIMENT_LABEL_COLORS[k]} />
                      </svg>{" "}
                      Sentiment: {k}
                    </th>
                    <td className="num">{formatInteger(sentiment[k])}</td>
                    <td className="num">{pct(sentiment[k], sentimentTotal)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
        {report.corrected > 0 && (
          <p className="subtle">
            {formatInteger(report.corrected)} {report.corrected === 1 ? "comment was" : "comments were"}{" "}
            corrected by a person; their corrections are counted.
          </p>
        )}
      </section>

      <section className="report-section report-break" aria-labelledby="report-arguments">
        <h2 id="report-arguments">What readers argued</h2>
        <PostArgumentsPanel data={report.arguments} headingLevel="h3" />
      </section>

      <section className="report-section" aria-labelledby="report-entities">
        <h2 id="report-entities">People, places and organisations discussed</h2>
        {report.entities.length === 0 ? (
          <p className="subtle">No names were found in these comments.</p>
        ) : (
          <TableScroll label="Names discussed">
            <table className="data row-headers">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">
                    Mentions
                  </th>
                  <th scope="col" className="num">
                    Positive sentences
                  </th>
                  <th scope="col" className="num">
                    Negative sentences
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.entities.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{e.name}</th>
                    <td>{ENTITY_KIND_LABELS[e.kind]}</td>
                    <td className="num">{formatInteger(e.mentions)}</td>
                    <td className="num">{formatInteger(e.positive)}</td>
                    <td className="num">{formatInteger(e.negative)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section className="report-section report-versions" aria-labelledby="report-versions">
        <h2 id="report-versions">How this report was made</h2>
        <p>
          Scorer:{" "}
          {report.versions.scorers.length === 0
            ? "no comment scored yet"
            : report.versions.scorers
                .map((s) => `${s.version} (${s.source.toLowerCase()}, ${formatInteger(s.comments)} comments)`)
                .join("; ")}
          . Arguments: {report.versions.arguments ?? "not grouped yet"}. Names: {report.versions.entities}.
        </p>
      </section>
    </article>
  );
}
