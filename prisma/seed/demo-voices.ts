/**
 * The readers of the demo newsletter and the tone-level sentence pools that give each comment its voice.
 * Topic-specific sentences live in demo-posts.ts; these are the connective tissue around them.
 */
import type { DemoTone } from "./demo-posts";

export interface DemoCommenterSpec {
  externalId: string;
  name: string;
  handle: string | null;
  /** "regular": on nearly every post; "occasional": now and then; "one-off": a single post; "spammer". */
  kind: "regular" | "occasional" | "one-off" | "spammer";
  /** Relative activity when a comment is assigned to a reader. */
  activity: number;
  /** How likely this reader is to write in each tone (relative weights; missing means never). */
  tones: Partial<Record<DemoTone, number>>;
  /** For one-off readers: the only post (by key) they comment on. */
  onlyPost?: string;
  /** Signature openers by tone, so a regular sounds like themselves. */
  signatures?: Partial<Record<DemoTone, readonly string[]>>;
}

export const SPAMMER_EXTERNAL_ID = "90417733";

export const DEMO_COMMENTERS: readonly DemoCommenterSpec[] = [
  // ── regulars ──
  {
    externalId: "31800412",
    name: "Helena Marchetti",
    handle: "hmarchetti",
    kind: "regular",
    activity: 2,
    tones: { analytical: 7, supportive: 1.2, neutral: 0.8, skeptical: 0.8 },
    signatures: {
      analytical: [
        "Speaking as someone who spent thirty years drafting cables, the detail matters here.",
        "From my time in the foreign service, I'd put it slightly differently.",
        "I sat through enough negotiations of this kind to recognise the pattern.",
      ],
      supportive: ["A fine piece, Eleanor, and one I wish my old colleagues would read."],
      skeptical: ["My diplomatic instincts tell me to be careful here."],
    },
  },
  {
    externalId: "40291577",
    name: "Victor Lindqvist",
    handle: "vlindqvist",
    kind: "regular",
    activity: 1.9,
    tones: { skeptical: 4, dismissive: 4, analytical: 1.4, hostile: 0.3 },
    signatures: {
      skeptical: ["As usual, someone has to be the wet blanket.", "I'll be the contrarian again, sorry."],
      dismissive: ["Same old story, Eleanor.", "I'll say what everyone is thinking."],
      analytical: ["Let me play devil's advocate with some actual evidence."],
    },
  },
  {
    externalId: "29877341",
    name: "Ruth Okafor",
    handle: "ruthokafor",
    kind: "regular",
    activity: 1.8,
    tones: { supportive: 7, neutral: 1.5, analytical: 0.6 },
    signatures: {
      supportive: [
        "Oh, this is wonderful, Eleanor!",
        "Another gem. Thank you so much ❤️",
        "I look forward to these every week.",
      ],
      neutral: ["Quick question, if anyone knows."],
    },
  },
  {
    externalId: "51120983",
    name: "Gary Pruitt",
    handle: "garypruitt",
    kind: "regular",
    activity: 1.8,
    tones: { hostile: 3.2, dismissive: 2, analytical: 1.2, skeptical: 1, supportive: 0.6 },
    signatures: {
      hostile: ["I'm sorry, but I've had enough.", "Here we go again."],
      analytical: ["Credit where due, this is the one thing they got right."],
    },
  },
  {
    externalId: "47733120",
    name: "Tomás Reyes",
    handle: "tomasreyes",
    kind: "regular",
    activity: 1.8,
    tones: { neutral: 4.5, analytical: 2, supportive: 1.2 },
    signatures: {
      neutral: ["Grad student lurker here, with a question.", "Probably a naive question, but:"],
      analytical: ["For what it's worth, this came up in my thesis research."],
    },
  },
  // ── occasional readers ──
  {
    externalId: "38415206",
    name: "Anneliese Brandt",
    handle: "abrandt",
    kind: "occasional",
    activity: 1.2,
    tones: { analytical: 3, skeptical: 1 },
  },
  {
    externalId: "61022974",
    name: "Sam Whitfield",
    handle: "samw",
    kind: "occasional",
    activity: 1,
    tones: { neutral: 2, supportive: 2 },
  },
  {
    externalId: "55390128",
    name: "Priya Natarajan",
    handle: "priyan",
    kind: "occasional",
    activity: 1.1,
    tones: { analytical: 2.5, neutral: 1.5 },
  },
  {
    externalId: "27701945",
    name: "Mark Dunleavy",
    handle: "colmarkd",
    kind: "occasional",
    activity: 1,
    tones: { analytical: 2.5, skeptical: 1.5, dismissive: 0.4 },
  },
  {
    externalId: "63317508",
    name: "Joanna Kowalczyk",
    handle: "jkowalczyk",
    kind: "occasional",
    activity: 1,
    tones: { supportive: 2.5, analytical: 1.5 },
  },
  {
    externalId: "44981302",
    name: "Lewis Hart",
    handle: null,
    kind: "occasional",
    activity: 1,
    tones: { dismissive: 2.5, skeptical: 2 },
  },
  {
    externalId: "58812460",
    name: "Farid Haddad",
    handle: "faridh",
    kind: "occasional",
    activity: 0.9,
    tones: { analytical: 2, neutral: 2 },
  },
  {
    externalId: "36620184",
    name: "Moira Quinn",
    handle: "moiraq",
    kind: "occasional",
    activity: 0.9,
    tones: { supportive: 2, neutral: 2 },
  },
  {
    externalId: "49903317",
    name: "Ben Adeyemi",
    handle: "benadeyemi",
    kind: "occasional",
    activity: 0.9,
    tones: { skeptical: 2.5, analytical: 1.5 },
  },
  {
    externalId: "62240891",
    name: "Kate Morrow",
    handle: null,
    kind: "occasional",
    activity: 0.8,
    tones: { neutral: 2.5, supportive: 1.5 },
  },
  {
    externalId: "70018842",
    name: "Realist1648",
    handle: "realist1648",
    kind: "occasional",
    activity: 0.9,
    tones: { dismissive: 2.5, hostile: 2 },
  },
  {
    externalId: "34458109",
    name: "Oskar Nyberg",
    handle: "onyberg",
    kind: "occasional",
    activity: 0.8,
    tones: { analytical: 3, neutral: 0.5 },
  },
  {
    externalId: "66702315",
    name: "Deb Castellano",
    handle: "debcastellano",
    kind: "occasional",
    activity: 0.7,
    tones: { supportive: 2, dismissive: 1, neutral: 1 },
  },
  {
    externalId: "52276630",
    name: "Ian Moffat",
    handle: "imoffat",
    kind: "occasional",
    activity: 0.7,
    tones: { hostile: 2.5, dismissive: 2 },
  },
  // ── one-off readers ──
  {
    externalId: "80113427",
    name: "Linda Feld",
    handle: null,
    kind: "one-off",
    activity: 4,
    tones: { neutral: 3, supportive: 1 },
    onlyPost: "oil-shock",
  },
  {
    externalId: "80245519",
    name: "Yuki Tanaka",
    handle: "ytanaka",
    kind: "one-off",
    activity: 1,
    tones: { neutral: 2, analytical: 2 },
    onlyPost: "taiwan",
  },
  {
    externalId: "80377206",
    name: "Ousmane Diallo",
    handle: "odiallo",
    kind: "one-off",
    activity: 1,
    tones: { analytical: 3, supportive: 1 },
    onlyPost: "sahel",
  },
  {
    externalId: "80419932",
    name: "Erik Haugland",
    handle: null,
    kind: "one-off",
    activity: 1,
    tones: { neutral: 2, skeptical: 1 },
    onlyPost: "arctic",
  },
  {
    externalId: "80562218",
    name: "Marko Petrović",
    handle: "mpetrovic",
    kind: "one-off",
    activity: 0.8,
    tones: { skeptical: 2, analytical: 2 },
    onlyPost: "balkan",
  },
  // ── the spammer (only ever posts the same advert; see SPAM_TEXT) ──
  {
    externalId: SPAMMER_EXTERNAL_ID,
    name: "Crypto Signals Daily",
    handle: "cryptosignals_daily",
    kind: "spammer",
    activity: 0,
    tones: {},
  },
];

/** Topic-agnostic sentences by tone, appended after the topic sentences. */
export const GENERIC_SENTENCES: Record<DemoTone, readonly string[]> = {
  analytical: [
    "History rarely repeats, but the incentives usually do.",
    "It helps to separate what governments say from what their budgets show.",
    "The base rate for confident predictions in this field is poor, which should temper anyone's certainty.",
    "Because domestic politics drives most of these decisions, the external levers are weaker than they look.",
    "Follow the money and the logistics, not the speeches.",
    "Compared with the 1990s, the actors are the same but the balance of power is not.",
    "Given that nobody pays a price for delay until the crisis arrives, everyone defers the decision.",
    "The second-order effects are where this gets interesting.",
    "I'd want to see the numbers over ten years rather than one, though.",
  ],
  skeptical: [
    "I doubt it will play out this neatly.",
    "We'll see.",
    "Seems unlikely to me, but I'd be glad to be wrong.",
    "I'm not convinced the evidence supports that much confidence.",
    "Colour me doubtful.",
    "I've heard this prediction before.",
    "Hard to believe the people involved will behave the way the argument needs them to.",
  ],
  dismissive: [
    "Next.",
    "Sure, and I'm the Queen of Sheba.",
    "Same fantasy, new coat of paint.",
    "Nobody serious believes this.",
    "Wake me up when something actually happens.",
    "Oh good, another grand theory. 🙄",
    "Not worth the pixels.",
  ],
  supportive: [
    "Thank you for this, Eleanor.",
    "Best thing I've read on the subject this year.",
    "Sharing this with my students.",
    "This is why I pay for the subscription.",
    "Beautifully written, as always.",
    "Really grateful for the historical framing 🙏",
    "Clear, calm and well argued.",
    "Forwarded to my whole book club 👏",
  ],
  hostile: [
    "Absolute clowns, every one of them.",
    "What a bunch of idiots.",
    "Incompetent fools with security clearances.",
    "I can't stand these people.",
  ],
  neutral: [
    "Does anyone have a good book recommendation on this?",
    "Will there be a podcast version of this one?",
    "Small typo in the third paragraph, by the way: 'it's' should be 'its'.",
    "Reading this from Lisbon, where it has rained for a week.",
    "Is there a recording of the talk you mentioned last month?",
    "My grandfather used to talk about this when I was a kid.",
    "Is this one staying free or going into the paid archive?",
  ],
};

/** Hostile sentences aimed at the author (stance: disagree). */
export const HOSTILE_AT_AUTHOR: readonly string[] = [
  "Eleanor, this is the dumbest thing you have published, and that is saying something.",
  "What a clown show this newsletter has become.",
  "Do you even read what you write? Moron-level take.",
  "Unsubscribing. You're an idiot with a history degree.",
];

/** Hostile sentences aimed at the commenter being replied to ({name} = their first name). */
export const HOSTILE_AT_COMMENTER: readonly string[] = [
  "Shut up, {name}.",
  "{name}, you're an idiot and you prove it every week.",
  "Nobody asked you, {name}.",
  "Grow up, {name}. This is a comment section, not your soapbox.",
  "Honestly {name}, what a moronic take.",
  "Go troll somewhere else, {name}.",
  "{name}, you clown, did you even read the post?",
  "Every week the same nonsense from you, {name}.",
];

/** Second sentences for a hostile reply to another commenter. */
export const HOSTILE_FOLLOWUP: readonly string[] = [
  "Read the post again, slowly this time.",
  "Some of us are here for a serious discussion.",
  "Every thread, the same routine.",
  "Honestly, give it a rest.",
  "You add nothing to these threads.",
];

/** Openers for a reply that agrees with its parent. */
export const REPLY_AGREE: readonly string[] = [
  "Agreed with {name} here.",
  "Well put, {name}.",
  "{name} is right about this.",
  "Exactly, {name}.",
  "+1 to what {name} said.",
  "This, {name}, exactly.",
];

/** Openers for a reply that disagrees with its parent, by the reply's tone. */
export const REPLY_DISAGREE: Partial<Record<DemoTone, readonly string[]>> = {
  analytical: [
    "You're assuming too much, {name}.",
    "I think {name} has the causality backwards.",
    "{name}, the timeline doesn't support that.",
    "With respect, {name}, the record says otherwise.",
  ],
  skeptical: [
    "I'm not sure that follows, {name}.",
    "Maybe, {name}, but I doubt it.",
    "Hmm, {name}, I wonder.",
  ],
  dismissive: ["Come on, {name}.", "Sure, {name}. Sure.", "That's a fantasy, {name}."],
  supportive: ["Respectfully, {name}, I think Eleanor has it right.", "I see it differently, {name}."],
};

/** Openers for a neutral reply. */
export const REPLY_NEUTRAL: readonly string[] = [
  "{name}, do you have a source for that?",
  "Genuine question for {name}.",
  "Interesting, {name}.",
  "Thanks, {name}, that's useful.",
];

/** The designated spam: the same advert, on several posts. */
export const SPAM_TEXT =
  "Earn $500 a day from home with the signals group I use!! DM me or join here: https://quick-profit.example.net/join 💰💰💰";

/**
 * Templates that name what the post is about ({focus}), by tone; analytical split by stance.
 * They multiply the variety of comments without making them less specific to the post.
 */
export const FOCUS_TEMPLATES = {
  analyticalAgree: [
    "The part about {focus} deserves a longer treatment, because that is where the causality runs.",
    "On {focus}, the historical record is mixed, but on balance it supports you.",
    "I'd add that the point about {focus} holds up in most comparable cases I can think of.",
    "Most of the coverage skips {focus}, which is odd, since that is what decides the outcome.",
  ],
  analyticalDisagree: [
    "On {focus}, I think the evidence points the other way.",
    "The weak link in the argument is {focus}, because the comparison cases don't line up.",
    "I'd weigh {focus} much less heavily than you do, given how often it has been overrated before.",
  ],
  skeptical: [
    "I doubt {focus} will matter as much as you think.",
    "We'll see how things look on {focus} in a year.",
    "Everyone is very confident about {focus} right now, which makes me nervous.",
  ],
  dismissive: [
    "All this talk about {focus} is noise.",
    "Spare me the lecture on {focus}.",
    "Honestly, the fuss about {focus} is a distraction, nothing more.",
  ],
  supportive: [
    "Your section on {focus} is superb.",
    "I learned more about {focus} here than from a month of news.",
    "The way you explain {focus} is so clear.",
  ],
  neutral: [
    "Is there a good primer on {focus}?",
    "Where can I read more about {focus}?",
    "Has anyone written a book on {focus}? Asking for my reading list.",
  ],
} as const;

/** Sentences in the first person that only make sense once per post ("I worked in Niamey…"). */
export const PERSONAL_SENTENCE =
  /^(As (someone|a)\b|I (worked|work|teach|flew|took|sailed|voted|visited|served|'m reading)\b|My (uncle|father|cousin|grandfather)\b|A friend\b|Sending this|Small typo|Reading this from|Sharing this with|Forwarded to|I had not thought)/;
