import { formatInteger, formatPercent, formatPoints, formatSignedPercent } from "@/lib/analytics/format";
import { headlineFigures } from "@/lib/analytics/headline-change";
import type { Agreement, Headline } from "@/lib/schemas/overview";

/** The range's headline figures with their change against the previous range, and the agreement figure. */
export function HeadlineFigures({ headline, agreement }: { headline: Headline; agreement: Agreement }) {
  const figures = headlineFigures(headline.current, headline.previous?.figures ?? null);
  const against = headline.previous ? `vs ${headline.previous.from} to ${headline.previous.to}` : null;
  return (
    <div className="headline" data-testid="headline">
      {figures.map((f) => (
        <div key={f.key} className="headline-figure" data-testid={`headline-${f.key}`}>
          <div className="subtle">{f.label}</div>
          <div className="value">{f.kind === "count" ? formatInteger(f.value) : formatPercent(f.value)}</div>
          <div className="change">
            {f.change === null
              ? against
                ? "no earlier figure to compare"
                : "pick a range to compare"
              : `${f.kind === "count" ? formatSignedPercent(f.change) : formatPoints(f.change)} ${against}`}
          </div>
        </div>
      ))}
      <div className="headline-figure" data-testid="agreement">
        <div className="subtle">Agreement with the scorer</div>
        <div className="value">{agreement.rate === null ? "—" : formatPercent(agreement.rate)}</div>
        <div className="change">
          {agreement.reviewed === 0
            ? "no comment reviewed yet: correct or confirm labels on a post"
            : `${formatInteger(agreement.agreed)} of ${formatInteger(agreement.reviewed)} reviewed comments kept the scorer's tone and stance`}
        </div>
      </div>
    </div>
  );
}
