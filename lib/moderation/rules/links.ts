import { findLinks } from "@/lib/moderation/matching/find-links";
import { plural } from "@/lib/moderation/rules/format";
import type { ModerationRule } from "@/lib/moderation/types";

const LINKS_LISTED_IN_DETAIL = 5;

/**
 * Holds a comment with more links than the publication allows; matchedText is the first link over the
 * limit.
 */
export const linksRule: ModerationRule = (input, settings) => {
  const maxLinks = settings.maxLinks;
  if (maxLinks === null) return null;
  const links = findLinks(input.text);
  const firstOverLimit = links[maxLinks];
  if (firstOverLimit === undefined) return null;
  const listed = links.slice(0, LINKS_LISTED_IN_DETAIL).join(", ");
  const more = links.length > LINKS_LISTED_IN_DETAIL ? ", …" : "";
  return {
    rule: "links",
    action: "hold",
    reason: "LINKS",
    matchedText: firstOverLimit,
    detail: `${plural(links.length, "link")} (limit ${maxLinks}): ${listed}${more}.`,
  };
};
