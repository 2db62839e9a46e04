import { describe, expect, test } from "vitest";
import { type HarmCategory, scoreComment } from "@/lib/scoring";
import { analyze } from "@/lib/scoring/analyze";
import { detectHarms, ruleFlag } from "@/lib/scoring/harm";

/** Our own example sentences for each ground of the flag rubric (none taken from the labelled data). */
const FLAGGED: readonly [string, boolean | null, HarmCategory][] = [
  // Personal abuse of another commenter.
  ["You are a clueless moron and always have been.", true, "personal-abuse"],
  ["Only idiots like you still believe that.", true, "personal-abuse"],
  ["Honestly, your a brainless troll.", null, "personal-abuse"],
  ["You people are all the same, a bunch of idiots.", true, "personal-abuse"],
  ["Shut up, you absolute clown.", true, "personal-abuse"],
  ["You lot are pathetic, every single one of you.", true, "personal-abuse"],
  // Threats and wished harm.
  ["Every one of them should be strung up.", null, "threat"],
  ["They deserve to be shot for this.", null, "threat"],
  ["I hope they rot, all of them.", null, "threat"],
  ["Round them up and be done with it.", null, "threat"],
  ["Pity they missed.", null, "threat"],
  ["Too bad he survived.", false, "threat"],
  ["I know where you live.", true, "threat"],
  // Dehumanising or generalising language about a group.
  ["Immigrants are an infestation, like rats in the walls.", null, "identity-attack"],
  ["Those people are cockroaches.", null, "identity-attack"],
  ["All Muslims are savages and liars.", null, "identity-attack"],
  ["The migrants keep arriving. Nobody asks them anything. They are vermin.", null, "identity-attack"],
  ["Another ziocon talking point.", null, "identity-attack"],
  ["If you hate it here so much, go back to where you came from.", true, "identity-attack"],
  ["These people are filth and everyone knows it.", null, "identity-attack"],
  // Spam and doxxing.
  ["Make money from home, click here https://example.test/offer", null, "spam"],
  ["Call him at 555-123-4567 and tell him what you think.", null, "doxxing"],
  // Wished harm: a wish word before a harm ("should ... hang", "hope ... die"), idioms of wished harm.
  ["Honestly the whole committee should hang for what they signed.", null, "threat"],
  ["I hope the old man dies before he can do any more damage.", false, "threat"],
  ["May every last one of those pilots end up at the bottom of the sea.", null, "threat"],
  ["Glad to see them come home in a bag.", null, "threat"],
  ["No sympathy. Let them all starve.", null, "threat"],
  ["Nuke Tehran and be done with it.", false, "threat"],
  ["Say that to my face and see what happens.", true, "threat"],
  // Belittling the person addressed.
  ["Nobody asked you. Run along back to your handlers.", true, "personal-abuse"],
  ["Who's paying you to post this every day?", null, "personal-abuse"],
  ["Sad little man. Go cry about it somewhere else.", true, "personal-abuse"],
  ["Glowie.", true, "personal-abuse"],
  ["Paid troll detected. How much per comment these days?", true, "personal-abuse"],
  ["Somebody oughta start torching their offices.", null, "threat"],
  // Dehumanising a collective without naming a protected group.
  ["They keep sending them in waves. Vermin, the whole lot of them.", null, "identity-attack"],
  ["Their voters are subhumans, nothing more.", null, "identity-attack"],
  ["The orcs will be back next spring.", null, "identity-attack"],
  ["It is an infestation, the rats have taken the town centre.", false, "identity-attack"],
  // Migrants framed as an invading army; well-known antisemitic conspiracy names.
  ["Another army of illegals crossed our border this week to terrorize our towns.", null, "identity-attack"],
  ["Nothing changes while ZOG runs Washington.", null, "identity-attack"],
  // A lone apostrophe (a plural possessive) opens no quotation that could hide the abuse after it.
  ["The migrants' camps hold nothing but vermin, every last one of them.", null, "identity-attack"],
  // Spam without a scheme in the link; an earnings claim.
  ["Great read! 30% off all survival kits with code PREP30 at prepshop.store", false, "spam"],
  ["I make $300 a day from home with one simple trick, message me for details!!", null, "spam"],
  // A street address posted to expose someone.
  ["Found him: 14 Birch Hollow Lane, works nights at the depot. Pay him a call.", false, "doxxing"],
  ["The alderman lives at Lindenstraat 42, his kids leave at eight.", false, "doxxing"],
];

/** Pointed but legitimate political criticism, and ordinary replies: none of these should flag. */
const NOT_FLAGGED: readonly string[] = [
  "The government's handling of the budget was incompetent and the minister should resign.",
  "The president is a liar and a coward, and history will judge him harshly.",
  "Russia's invasion killed thousands of civilians; the shelling of cities is a war crime.",
  "Thanks for the correction, you are right that the winners and losers framing is too simple.",
  "Israel's government has made a strategic blunder in Gaza, and the Palestinians pay for it.",
  "The generals were fools to think the offensive would work by spring.",
  "You make a fair point about sanctions, though I think the numbers say otherwise.",
  "Thank you all, this thread on Muslims in European politics taught me a lot.",
  "Most Americans are not paying attention to the trade talks at all.",
  "He missed the point of the article entirely.",
  "Shame they missed the deadline again.",
  "Nobody should be shot for protesting peacefully.",
  "The stated aim is to wipe out Hamas as a military force, which few analysts think is achievable.",
  "Most Israelis are exhausted by the war and by a corrupt coalition.",
  "You are wrong and your numbers are garbage.",
  "Those people in the ministry wrote a garbage report, and the minister should resign over it.",
  "We should go back to the 1990s arms control framework.",
  "You're all welcome to visit the Jewish quarter when you come to Krakow.",
  "You are all right to worry about what the sanctions will do to ordinary Iranians.",
  "Those people in the ministry have no idea how a supply chain works.",
  "The regime's propaganda calls the protesters animals, which tells you how scared it is.",
  // War reporting about armies, borders and refugees is not invasion framing.
  "Thousands of refugees crossed the border to escape the invasion, and the army followed them.",
  "The army crossed the border at dawn and the invasion began.",
  // A quoted word is mentioned, not used.
  "Calling the refugees 'vermin' is disgusting, and it is the vocabulary of the 1930s.",
  "The 'shoot the traitors' headlines of 1933 read differently once you know what followed.",
  // Wished-harm words asked, negated or reported.
  "Should the soldiers who refused to fire have been shot? Nobody in the tribunal thought so.",
  "No one should die for a line on a map drawn in 1954.",
  "The minister said the militia would be hunted down, which is what ministers always say.",
  "Russia must be made to pay reparations, as Germany was after 1918.",
  // Officials and pundits lumped together, insulted: hostile, not a flag.
  "Crooks, all of them, in both parties, and the ethics office knows it.",
  "Macron should just shut up and let the parliament vote.",
  // An insult and a group word in one sentence, the insult aimed at a ruler, not the group.
  "Ordinary Iranians have deserved far better for forty years than that old creep in Tehran.",
  // Insult words naming things, not people; a shared heritage is not "blood" talk; an office address.
  "You might look at the research on Russian troll farms, the Stanford report is good.",
  "Did you see the piece on how Chinese bot accounts push the same lines?",
  "The Serbs and Croats share a language, related by blood and history.",
  "If you need the data, the Dutch office is at Herengracht 12 but the staff work remotely.",
  // Numbers, prices and an offer to share a source are not spam or doxxing.
  "The tanker rate went from $40,000 a day to $120,000 a day after the strikes.",
  "The shelling hit 14 Main Street residential blocks according to the city council.",
  "Message me if you want the source, it's a long PDF from the central bank.",
];

describe("flag rubric: each ground flags", () => {
  test.each(FLAGGED)("%j (reply=%s) flags as %s", (text, isReply, reason) => {
    const s = scoreComment(text, { isReply });
    expect(s.flag).toBe(true);
    expect(s.flagReasons).toContain(reason);
  });
});

/**
 * The harm detectors find no ground to flag in criticism: their own rule decision stays off. (The learned
 * flag head, which reads the detectors with the tone, still raises some of these: the scorer issue's
 * closing note counts them; the held-out evaluation, not this list, judges the head.)
 */
describe("flag rubric: the detectors find no ground in political criticism and ordinary replies", () => {
  test.each(NOT_FLAGGED.map((t) => [t]))("%j", (text) => {
    for (const isReply of [true, null]) {
      const harms = detectHarms(analyze(text, { isReply }));
      expect(ruleFlag(harms)).toEqual({ flag: false, reasons: [] });
    }
  });
});
