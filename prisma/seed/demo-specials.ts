/**
 * Hand-placed comments of the demo data set: the long analytical comment, the veiled threats the
 * moderation queue should surface, readers pasting markup, the spammer's repeated advert, and a couple
 * of abusive comments the platform's automod already hid. All written for this project.
 */
import type { DemoStance, DemoTone } from "./demo-posts";
import { SPAM_TEXT, SPAMMER_EXTERNAL_ID } from "./demo-voices";

export interface SpecialCommentSpec {
  postKey: string;
  /** Position in the post's comments, as a fraction of the way through (in time order). */
  at: number;
  commenterExternalId: string;
  tone: DemoTone;
  stance: DemoStance;
  body: string;
  /** Reply to the latest earlier comment by this reader (a root comment when there is none). */
  replyToCommenterExternalId?: string;
  automodHidden?: boolean;
  /** Fixed "❤" count; otherwise drawn like any other comment. */
  hearts?: number;
}

const HELENA = "31800412";
const VICTOR = "40291577";
const RUTH = "29877341";
const GARY = "51120983";
const TOMAS = "47733120";
const SAM = "61022974";
const PRIYA = "55390128";
const REALIST = "70018842";
const DEB = "66702315";
const IAN = "52276630";
const MOIRA = "36620184";

/** About 400 words from the retired diplomat, on the Taiwan post. */
export const LONG_ANALYTICAL_COMMENT = [
  "I want to add some texture to this, because I think the argument is right but the mechanism deserves more attention than a single post can give it.",
  "Strategic ambiguity was never one policy. It was three layered on top of each other: ambiguity about whether Washington would fight, ambiguity about what it would fight over, and ambiguity about what Taipei itself was entitled to do. The first layer gets all the attention, but the third did most of the work in the 1990s and 2000s, because it restrained politicians on the island who might otherwise have pushed for formal independence.",
  "Given that structure, the question is which layer has eroded. My reading is that the first has weakened because the military balance has shifted, exactly as the post says. In 1996 two carrier groups settled matters in days. Today the same move would take place inside the range of thousands of anti-ship missiles, and everybody in the region knows it. Ambiguity about intervention only deters when the intervention itself is believed to be decisive.",
  "But the third layer has weakened too, for political rather than military reasons. A generation of voters on the island has grown up with a distinct identity, and the restraint that ambiguity once imposed on Taipei now looks to many of them like an insult rather than a safeguard.",
  "That is why I am wary of a simple move to clarity. A clear commitment repairs the first layer but could destroy the third, unless it comes with equally clear language about what the commitment does not cover. In my experience drafting these statements, the second sentence is always harder to agree than the first, and it is the one that matters.",
  "There is also a numbers problem. A blockade does not need to be airtight to work; it needs to raise insurance premiums and frighten shipping lines, and that can happen within a week. Deterrence has to operate on that timescale, not on the timescale of a congressional debate. ",
  "Compare the Cold War commitments in Europe. The guarantee to West Berlin was explicit, but so were the limits: nobody pretended the guarantee covered a change in the city's status. Clarity worked there because both halves were said out loud.",
  "So I would put the thesis this way. Ambiguity is running out, yes. What replaces it must be clarity about the defence and clarity about the status quo, together, in the same document, backed by forces that arrive in days rather than weeks. Anything less trades one instability for another.",
].join(" ");

export const SPECIAL_COMMENTS: readonly SpecialCommentSpec[] = [
  // The long analytical comment, early and popular.
  {
    postKey: "taiwan",
    at: 0.05,
    commenterExternalId: HELENA,
    tone: "analytical",
    stance: "agree",
    body: LONG_ANALYTICAL_COMMENT,
    hearts: 57,
  },
  // Veiled threats: the serious items for the moderation queue.
  {
    postKey: "taiwan",
    at: 0.33,
    commenterExternalId: GARY,
    tone: "hostile",
    stance: "agree",
    replyToCommenterExternalId: VICTOR,
    body: "Victor, you post this garbage under every single piece. I've worked out roughly where you live from your old comments. People like you should be more careful about who they annoy.",
  },
  {
    postKey: "balkan",
    at: 0.2,
    commenterExternalId: IAN,
    tone: "hostile",
    stance: "disagree",
    body: "Eleanor, you might want to think about who reads this and which events you speak at. Not everyone forgets a piece like this. Just saying.",
  },
  // Readers pasting markup, so the app's text rendering is exercised.
  {
    postKey: "nato-east",
    at: 0.4,
    commenterExternalId: SAM,
    tone: "neutral",
    stance: "neutral",
    body: "Is this comment box safe? Asking for a friend: <script>alert(1)</script>",
  },
  {
    postKey: "sanctions",
    at: 0.3,
    commenterExternalId: TOMAS,
    tone: "neutral",
    stance: "neutral",
    body: "Tried to paste the chart from the Treasury page and got this instead: <img src=x onerror=alert(1)> Does anyone have a direct link to the re-export figures?",
  },
  {
    postKey: "balkan",
    at: 0.5,
    commenterExternalId: DEB,
    tone: "supportive",
    stance: "agree",
    body: "<b>Finally</b> someone says it out loud. (Not sure whether bold works in here.) Thank you, Eleanor.",
  },
  {
    postKey: "grain",
    at: 0.4,
    commenterExternalId: PRIYA,
    tone: "neutral",
    stance: "neutral",
    body: 'For the people asking about tonnage, I made a table: <table><tr><td>2022</td><td>2023</td></tr></table> <a href="javascript:alert(1)">source</a> ...that did not render, did it?',
  },
  // Emoji-heavy comments.
  {
    postKey: "arctic",
    at: 0.25,
    commenterExternalId: RUTH,
    tone: "supportive",
    stance: "agree",
    body: "🧊🚢🧭 Loved this one, Eleanor! The toll booth image made me laugh out loud on the bus 😂",
  },
  {
    postKey: "nato-east",
    at: 0.12,
    commenterExternalId: MOIRA,
    tone: "supportive",
    stance: "agree",
    body: "👏👏👏 'Fewer goals and more trains' 🚆 should be on a mug. I'd buy ten.",
    hearts: 34,
  },
  // Abusive comments the platform's automod hid.
  {
    postKey: "sanctions",
    at: 0.55,
    commenterExternalId: REALIST,
    tone: "hostile",
    stance: "disagree",
    body: "Everyone in this comment section is a moron. Idiots nodding along to an idiot. Shut up, all of you.",
    automodHidden: true,
  },
  {
    postKey: "nato-east",
    at: 0.7,
    commenterExternalId: IAN,
    tone: "hostile",
    stance: "disagree",
    body: "Shut up with your little rail maps, you clowns. Nobody cares. Total morons, the lot of you.",
    automodHidden: true,
  },
  // The spammer: the same advert on several posts, three times within an hour on two of them.
  ...[0.5, 0.52, 0.54].map(
    (at, i): SpecialCommentSpec => ({
      postKey: "taiwan",
      at,
      commenterExternalId: SPAMMER_EXTERNAL_ID,
      tone: "neutral",
      stance: "neutral",
      body: SPAM_TEXT,
      automodHidden: i === 2,
      hearts: 0,
    }),
  ),
  ...[0.3, 0.31, 0.32].map(
    (at): SpecialCommentSpec => ({
      postKey: "balkan",
      at,
      commenterExternalId: SPAMMER_EXTERNAL_ID,
      tone: "neutral",
      stance: "neutral",
      body: SPAM_TEXT,
      hearts: 0,
    }),
  ),
  ...["nato-east", "grain", "sahel"].map(
    (postKey): SpecialCommentSpec => ({
      postKey,
      at: 0.6,
      commenterExternalId: SPAMMER_EXTERNAL_ID,
      tone: "neutral",
      stance: "neutral",
      body: SPAM_TEXT,
      automodHidden: postKey === "nato-east",
      hearts: 0,
    }),
  ),
];

/** Argument threads placed on each post, each step replying to the one before: 5 levels deep. */
export interface ChainStep {
  commenterExternalId: string;
  tone: DemoTone;
  stance: DemoStance;
}

export const CHAIN_SCRIPTS: readonly (readonly ChainStep[])[] = [
  [
    { commenterExternalId: HELENA, tone: "analytical", stance: "agree" },
    { commenterExternalId: VICTOR, tone: "skeptical", stance: "disagree" },
    { commenterExternalId: HELENA, tone: "analytical", stance: "agree" },
    { commenterExternalId: VICTOR, tone: "dismissive", stance: "disagree" },
    { commenterExternalId: GARY, tone: "hostile", stance: "agree" },
  ],
  [
    { commenterExternalId: VICTOR, tone: "dismissive", stance: "disagree" },
    { commenterExternalId: RUTH, tone: "supportive", stance: "agree" },
    { commenterExternalId: VICTOR, tone: "skeptical", stance: "disagree" },
    { commenterExternalId: TOMAS, tone: "neutral", stance: "neutral" },
    { commenterExternalId: HELENA, tone: "analytical", stance: "agree" },
  ],
  [
    { commenterExternalId: GARY, tone: "hostile", stance: "agree" },
    { commenterExternalId: VICTOR, tone: "skeptical", stance: "disagree" },
    { commenterExternalId: GARY, tone: "hostile", stance: "agree" },
    { commenterExternalId: HELENA, tone: "analytical", stance: "agree" },
    { commenterExternalId: VICTOR, tone: "analytical", stance: "disagree" },
    { commenterExternalId: TOMAS, tone: "neutral", stance: "neutral" },
  ],
];
