/**
 * Doxxing: an e-mail address, a phone number, or a street address tied to a person ("she lives at ..."),
 * and talk of someone's home address. A street named in news ("the embassy on 12 Main Street") is not.
 */
import type { Analysis } from "../analyze";
import { NUMBER, WORD } from "../tokenize";
import { HARM_THRESHOLDS } from "./thresholds";

const T = HARM_THRESHOLDS.doxxing;

const EMAIL = /[\w.+-]+@[\w-]+\.[a-z]{2,}/i;
const PHONE = /\b\d{3}[-. )]\s?\d{3}[-. ]\d{4}\b/;
const ADDRESS_HINT = /\b(home address|lives at|his address|her address|their address)\b/i;
/** Words tying an address to a person ("lives", "works", "found her"), not to a news event. */
const PERSON_AT_ADDRESS =
  /\b(lives?|living|home|house|apartment|apt|works|found (?:him|her|them)|his|her|their)\b/i;
/** A street address: house number, capitalised street name, street type ("2211 Maple Ridge Dr"). */
const STREET_ADDRESS =
  /\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Blvd|Boulevard|Lane|Ln|Ct|Court|Way|Pl|Place|Terrace)\b/;
/** A European street address: street name with its street-type ending, then the number ("Lindenstraße 12"). */
const EUROPEAN_STREET_ADDRESS =
  /\b[A-Z][a-zäöüß]+(?:straat|strasse|straße|weg|laan|gasse|platz|gracht|plein|gatan|vej)\s+\d{1,4}\b/;

const STREET_TYPE_ENDING = /(?:straat|strasse|straße|weg|laan|gasse|platz|gracht|plein|gatan|vej)$/;

/**
 * A number followed by a capitalised word, or a street-type word followed by a number: the token shapes both street
 * address patterns need, found without a regex so most comments with numbers never run one.
 */
function mayHoldStreetAddress(a: Analysis): boolean {
  const { tokens, text } = a;
  for (let k = 0; k + 1 < tokens.count; k++) {
    const kind = tokens.kind[k];
    const next = tokens.kind[k + 1];
    if (kind === NUMBER && next === WORD) {
      const c = text.charCodeAt(tokens.start[k + 1] ?? 0);
      if (c >= 65 && c <= 90) return true;
    } else if (kind === WORD && next === NUMBER && STREET_TYPE_ENDING.test(tokens.norm[k] ?? "")) return true;
  }
  return false;
}

/** 0..1; the substring and token checks keep the regexes off the hot path for nearly every comment. */
export function detectDoxxing(a: Analysis): number {
  const text = a.text;
  const contact =
    (text.includes("@") && EMAIL.test(text)) || (a.numberCount >= T.phoneMinNumbers && PHONE.test(text));
  const street =
    a.numberCount > 0 &&
    mayHoldStreetAddress(a) &&
    (STREET_ADDRESS.test(text) || EUROPEAN_STREET_ADDRESS.test(text)) &&
    PERSON_AT_ADDRESS.test(text);
  if (contact || street) return T.contactOrStreetAddress;
  const addressTalk = (text.includes("address") || text.includes("lives at")) && ADDRESS_HINT.test(text);
  return addressTalk ? T.addressTalk : 0;
}
