import Link from "next/link";
import { formatInteger } from "@/lib/analytics/format";
import type { ArgumentSideView, PostArguments } from "@/lib/schemas/arguments";
import { HighlightedText } from "./highlighted-text";
import { ToneMixFigure } from "./tone-mix-figure";

const SIDE_TEXT = {
  PUSHBACK: {
    title: "What the pushback argued",
    who: "disagreeing, skeptical and dismissive comments",
  },
  LANDED: {
    title: "What landed",
    who: "agreeing and supportive comments",
  },
} as const;

function SideSection({ side, headingLevel }: { side: ArgumentSideView; headingLevel: "h2" | "h3" }) {
  const text = SIDE_TEXT[side.side];
  const Heading = headingLevel;
  const id = `arguments-${side.side.toLowerCase()}`;
  return (
    <section className="arguments-side" aria-labelledby={id} data-testid={id}>
      <Heading id={id}>{text.title}</Heading>
      {side.status === "pending" ? (
        <p className="subtle">Grouping the {text.who}: the arguments appear within a minute of scoring.</p>
      ) : side.status === "too_few" ? (
        <p className="subtle" data-testid="arguments-too-few">
          {side.commentCount === 0
            ? `No ${text.who} yet.`
            : `Only ${formatInteger(side.commentCount)} ${text.who}: too few to group (at least ${side.minComments} are needed).`}
        </p>
      ) : side.groups.length === 0 ? (
        <p className="subtle">
          {formatInteger(side.commentCount)} {text.who}, each making its own point: no argument is shared by
          two of them.
        </p>
      ) : (
        <>
          <p className="subtle">
            {formatInteger(side.commentCount)} {text.who} in {side.groups.length} main arguments
            {side.unclustered > 0 && `; ${formatInteger(side.unclustered)} make points of their own`}.
          </p>
          <ol className="argument-groups">
            {side.groups.map((g) => (
              <li key={g.commentIds[0]} className="argument-group" data-testid="argument-group">
                <h4 className="argument-label">{g.label}</h4>
                <p className="argument-meta">
                  <strong>{formatInteger(g.size)} comments</strong> · {formatInteger(g.substantive)}{" "}
                  substantive, {formatInteger(g.dismissive)} dismissive{" "}
                  <ToneMixFigure counts={g.toneCounts} label="Tone mix" />
                </p>
                {g.quotes.map((q) => (
                  <blockquote key={q.commentId} className="argument-quote">
                    <p>
                      <HighlightedText segments={q.segments} />
                    </p>
                    <footer>
                      — <Link href={q.href}>{q.authorName}</Link>
                    </footer>
                  </blockquote>
                ))}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** Both sides of a post's argument groups; on the post page and in the printable report. */
export function PostArgumentsPanel({
  data,
  headingLevel = "h3",
}: {
  data: PostArguments;
  headingLevel?: "h2" | "h3";
}) {
  const version = data.pushback.version ?? data.landed.version;
  return (
    <div className="arguments">
      <SideSection side={data.pushback} headingLevel={headingLevel} />
      <SideSection side={data.landed} headingLevel={headingLevel} />
      {version && (
        <p className="subtle arguments-note">
          Groups of comments sharing distinctive words and phrases ({version}); the labels are those phrases.
          Filters above do not apply here.
        </p>
      )}
    </div>
  );
}
