import { formatInteger, formatPercent, formatPoints, formatSignedPercent } from "@/lib/analytics/format";
import { headlineFigures } from "@/lib/analytics/headline-change";
import type { Agreement, Headline } from "@/lib/schemas/overview";

/**
 * The range's headline figures with their change against the previous range, and the agreement figure.
 * Without a range there is nothing to compare with: one line under the tiles says how to get a comparison.
 */
export function HeadlineFigures({ headline, agreement }: { headline: Headline; agreement: Agreement }) {
  const figures = headlineFigures(headline.current, headline.previous?.figures ?? null);
  const previous = headline.previous;
  return (
    <>
      <div className="headline" data-testid="headline">
        {figures.map((f) => (
          <div key={f.key} className="headline-figure" data-testid={`headline-${f.key}`}>
            <div className="subtle">{f.label}</div>
            <div className="value">
              {f.kind === "count" ? formatInteger(f.value) : formatPercent(f.value)}
            </div>
            {previous && (
              <div className="change">
                {f.change === null
                  ? "none in the previous range"
                  : `${f.kind === "count" ? formatSignedPercent(f.change) : formatPoints(f.change)} on the previous range`}
              </div>
            )}
          </div>
        ))}
        <div className="headline-figure" data-testid="agreement">
          <div className="subtle">Agreement with the scorer</div>
          {agreement.rate === null ? (
            <>
              <div className="value value-text">No reviews yet</div>
              <div className="change">
                Open a post and use “Correct labels” under a comment: a correction or “Scorer is right” counts
                here.
              </div>
            </>
          ) : (
            <>
              <div className="value">{formatPercent(agreement.rate)}</div>
              <div className="change">
                {formatInteger(agreement.agreed)} of {formatInteger(agreement.reviewed)} reviewed comments
                kept the scorer's tone and stance
              </div>
            </>
          )}
        </div>
      </div>
      <p className="subtle headline-note" data-testid="headline-note">
        {previous
          ? `Changes compare with the previous range, ${previous.from} to ${previous.to}. Shares are of scored comments.`
          : "Pick a date range above to compare these figures with the period just before it. Shares are of scored comments."}
      </p>
    </>
  );
}
