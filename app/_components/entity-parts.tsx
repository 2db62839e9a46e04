import { SENTIMENT_LABEL_COLORS } from "@/lib/analytics/palette";
import type { EntityKindName } from "@/lib/insights/entities/types";
import { ShareBar } from "./svg-charts";

export const ENTITY_KIND_LABELS: Record<EntityKindName, string> = {
  PERSON: "Person",
  PLACE: "Place",
  ORGANIZATION: "Organisation",
  OTHER: "Other name",
};

/** The sentiment of the sentences mentioning an entity, as a bar with its counts. */
export function MentionSentiment({
  sentiment,
}: {
  sentiment: { positive: number; neutral: number; negative: number };
}) {
  return (
    <ShareBar
      label="Sentiment of the mentioning sentences"
      parts={(["positive", "neutral", "negative"] as const).map((k) => ({
        key: k,
        label: k,
        value: sentiment[k],
        color: SENTIMENT_LABEL_COLORS[k],
      }))}
    />
  );
}
