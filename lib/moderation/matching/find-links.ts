/**
 * Top-level domains recognised in bare domains ("example.com/path"). Deliberately a short list:
 * ccTLDs that are everyday words ("it", "in", "me", "so", "to", "no", "be", "us") are left out so a
 * missing space after a full stop ("I loved it.In fact") is not counted as a link. URLs with a scheme
 * or "www." are counted whatever their TLD.
 */
const BARE_DOMAIN_TLDS = (
  "com org net edu gov mil int info biz xyz io co ai app dev uk ca au nz ie de fr es nl ch se dk fi " +
  "pl eu ru cn jp br tv ly gl gg fm cc news blog site online link club top shop store live page pub " +
  "social substack media tech"
).split(" ");

const NOT_IN_URL = "[^\\s<>\"'`]";
const LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
const WITH_SCHEME = `https?:\\/\\/${NOT_IN_URL}+`;
const WITH_WWW = `www\\.${NOT_IN_URL}+`;
const BARE_DOMAIN = `(?:${LABEL}\\.)+(?:${BARE_DOMAIN_TLDS.join("|")})(?![\\p{L}\\p{N}-])(?:[/?#]${NOT_IN_URL}*)?`;
/** Not preceded by a word character, "@" (e-mail addresses are not links), "." or "/". */
const LINK = new RegExp(`(?<![\\p{L}\\p{N}@./_-])(?:${WITH_SCHEME}|${WITH_WWW}|${BARE_DOMAIN})`, "giu");

const TRAILING_PUNCTUATION = new Set([".", ",", ";", ":", "!", "?", "'", '"', "’", "”", ")", "]", "}", ">"]);

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Sentence punctuation after a link is not part of it; a ")" is kept when it closes one the link opened. */
function trimLink(candidate: string): string {
  let link = candidate;
  for (let last = link.at(-1); last !== undefined && TRAILING_PUNCTUATION.has(last); last = link.at(-1)) {
    if (last === ")" && count(link, "(") >= count(link, ")")) break;
    link = link.slice(0, -1);
  }
  return link;
}

/** Links in the text (http(s) URLs, "www." addresses and bare domains), as they appear, in order. */
export function findLinks(text: string): string[] {
  const links: string[] = [];
  for (const match of text.matchAll(LINK)) {
    const link = trimLink(match[0]);
    if (link !== "" && !/^https?:\/\/$/iu.test(link)) links.push(link);
  }
  return links;
}
