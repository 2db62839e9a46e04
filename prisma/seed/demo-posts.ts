/**
 * The ten posts of the demo newsletter "The Long View" and, for each, the topic-specific sentence pools
 * the comment generator composes comments from. All text is written for this project.
 */

export type DemoTone = "analytical" | "skeptical" | "dismissive" | "supportive" | "hostile" | "neutral";
export type DemoStance = "agree" | "disagree" | "neutral";

/** Sentences about one post, by tone. Agreeing and disagreeing analysis are kept apart so stance is honest. */
export interface TopicPools {
  analyticalAgree: readonly string[];
  analyticalDisagree: readonly string[];
  /** Doubts about the post's thesis (stance: disagree). */
  skeptical: readonly string[];
  /** Outright rejection of the thesis or of the policy it discusses (stance: disagree). */
  dismissive: readonly string[];
  /** Thanks and praise (stance: agree). */
  supportive: readonly string[];
  /** Insults aimed at the public officials the post criticises (stance: agree). */
  hostile: readonly string[];
  /** Questions, links, anecdotes (stance: neutral). */
  neutral: readonly string[];
}

export interface DemoPostSpec {
  key: string;
  externalId: string;
  slug: string;
  title: string;
  subtitle: string;
  publishedAt: string;
  audience: "everyone" | "only_paid";
  commentCount: number;
  /** Short noun phrases for what the post is about, used in templated sentences ("your point about {focus}"). */
  focus: readonly string[];
  paragraphs: readonly string[];
  pools: TopicPools;
}

export const DEMO_POSTS: readonly DemoPostSpec[] = [
  {
    key: "ceasefire",
    focus: ["the missing enforcer", "the monitoring clause", "the Korea comparison"],
    externalId: "171402118",
    slug: "the-ceasefire-nobody-wants-to-sign",
    title: "The Ceasefire Nobody Wants to Sign",
    subtitle: "A plan that freezes the front line without guarantees is a pause, not a peace.",
    publishedAt: "2026-05-07T06:30:00Z",
    audience: "everyone",
    commentCount: 58,
    paragraphs: [
      "The ceasefire proposal circulating this week has the shape of every armistice that failed in the last century: it draws a line on a map, asks both armies to stop where they stand, and leaves the hard questions to a commission that will meet later.",
      "My argument is simple. Ceasefires hold when someone outside the fight is willing to pay to enforce them. Korea in 1953 held because an army stayed. Minsk in 2015 did not, because nobody with weight was prepared to stand behind it.",
      "Nothing in the current text names an enforcer, a monitoring force with real access, or a price for breaking the terms. Without those, both sides will sign only if they believe the pause helps them rearm faster than the other side.",
      "That is why I expect the proposal to stall. If it is signed anyway, read it as an intermission, and plan for the second act.",
    ],
    pools: {
      analyticalAgree: [
        "The Korean comparison is the right one, because the armistice held only as long as there were troops on the line who would have to be fought through.",
        "Given that neither side has run out of men or shells, the incentive to sign is mostly about buying time to rearm.",
        "Look at the monitoring clause: observers who need permission to visit a sector are not observers at all.",
        "Most ceasefires since 1946 that lacked a third-party guarantor broke down within two years, so the base rate is on your side.",
        "The commission that meets later is where these deals go to die, since the hard questions never get easier with time.",
      ],
      analyticalDisagree: [
        "Cyprus since 1974 shows that a frozen line without a settlement can last fifty years, so a pause is not automatically a failure.",
        "You're treating enforcement as the only variable, but exhaustion ended plenty of wars without anyone guaranteeing the result.",
        "The 1953 analogy cuts both ways: the armistice was signed while the talks looked hopeless for two years before that.",
        "A pause that saves lives this winter is worth something even if the second act comes, and the post doesn't weigh that.",
      ],
      skeptical: [
        "I doubt either government reads this text as closely as you do.",
        "We'll see whether anyone actually volunteers to monitor the line, but I'm not holding my breath.",
        "It seems unlikely that a commission will settle what two armies could not.",
        "I'm not sure the rearmament logic is as clean as you make it sound.",
        "Maybe the proposal stalls, maybe it doesn't; I don't think anyone can call this one yet.",
      ],
      dismissive: [
        "This ceasefire is dead on arrival and everyone in the room knows it.",
        "A photo op, nothing more, with a map attached.",
        "Oh wonderful, another commission. That always works.",
        "Nobody is signing this, so I'm not sure why we're analysing the commas.",
      ],
      supportive: [
        "The line about an intermission rather than a peace is going to stay with me.",
        "Your point about naming an enforcer is exactly what the news coverage keeps missing.",
        "This is the clearest explanation of the proposal I have read anywhere.",
        "I had not thought about Minsk in those terms before, and it makes sense of a lot.",
      ],
      hostile: [
        "The clowns who drafted this text should be made to stand on the line they drew.",
        "Whoever wrote that monitoring clause is either an idiot or thinks we are.",
        "These negotiators are morons playing dress-up with other people's lives.",
      ],
      neutral: [
        "Is the full text of the proposal published anywhere? I could only find summaries.",
        "Here is the draft as leaked, for anyone who wants to read it: https://www.example.org/docs/ceasefire-draft.pdf",
        "How long did the Korean talks actually run before the armistice was signed?",
        "Would you do a follow-up on who could plausibly act as a guarantor?",
        "My uncle served as an observer in the 1990s and said the maps were always the first fight.",
      ],
    },
  },
  {
    key: "oil-shock",
    focus: ["spare capacity", "the strategic reserves", "leverage versus scarcity"],
    externalId: "172019544",
    slug: "what-the-1973-oil-shock-teaches",
    title: "What the 1973 Oil Shock Teaches",
    subtitle:
      "The embargo worked because of spare capacity, not scarcity, and today's energy weapons are blunter.",
    publishedAt: "2026-05-28T07:00:00Z",
    audience: "everyone",
    commentCount: 34,
    paragraphs: [
      "Fifty-three years on, the 1973 embargo is still remembered as the moment oil became a weapon. The usual story is about scarcity: the taps closed and the West queued for petrol.",
      "The better story is about leverage. The embargo bit because a handful of producers held nearly all the world's spare capacity, and consumers had no stocks, no alternatives and no coordination.",
      "Every one of those conditions has since been weakened. Strategic reserves exist, supply is more diverse, and buyers can switch faster than they could then. Energy can still hurt, but it is a blunter instrument than it was.",
      "The lesson for anyone planning to use, or fear, an energy cut-off today is to count spare capacity and stocks first. The drama of the headline comes later.",
    ],
    pools: {
      analyticalAgree: [
        "The spare-capacity point is right, because in 1973 almost nobody outside the embargo could raise output quickly.",
        "Strategic reserves were created in 1975 precisely because of that lesson, and they have been drawn on several times since.",
        "Compare the 2022 gas crisis in Europe: painful, but storage and new terminals blunted it within about eighteen months.",
        "Given that buyers now coordinate through the IEA, a single producer has far less room to squeeze.",
        "The price controls in the United States made the queues much worse, which supports your point that the shortage was partly self-inflicted.",
      ],
      analyticalDisagree: [
        "Blunter for oil, perhaps, but supply chains for refined products and critical minerals look a lot like 1973 again.",
        "You're understating how concentrated spare capacity still is; it sits with two or three producers.",
        "The 1979 shock did more economic damage than 1973, and it had little to do with deliberate leverage.",
        "Reserves only buy weeks or months, so a long cut-off would still hurt badly.",
      ],
      skeptical: [
        "I doubt the reserves are as full as the official figures suggest.",
        "We'll see how blunt the instrument looks the next time a strait closes.",
        "It seems unlikely that consumers would coordinate as well as the post assumes in a real panic.",
        "I'm not convinced the 1973 comparison tells us much about markets this different.",
      ],
      dismissive: [
        "Nostalgia for the 1970s dressed up as strategy.",
        "Nobody is going to run an embargo like that again, so the whole exercise is academic.",
        "Another history lesson that ignores how markets actually work now.",
        "Queues at petrol stations, how quaint. Not relevant.",
      ],
      supportive: [
        "The distinction between leverage and scarcity is so useful, thank you.",
        "I teach economic history and I'm going to borrow your framing for my seminar.",
        "Lovely piece: it reads like a story and argues like a brief.",
        "Your last line about counting stocks first is going on a sticky note above my desk.",
      ],
      hostile: [
        "The energy ministers who let reserves run down should be fired, the lot of them, useless clowns.",
        "Whoever decided to sell off half the reserve for a budget trick is a complete moron.",
        "Idiots in charge then and idiots in charge now.",
      ],
      neutral: [
        "My father remembered the odd-even days for buying petrol. Did that happen everywhere?",
        "Does anyone have the IEA data series on reserves? This link is broken: https://data.example.org/iea/stocks",
        "What book would you recommend on the 1973 war and the embargo together?",
        "How much spare capacity is there now, roughly, in barrels per day?",
        "Is the Sunday-driving ban story from the Netherlands true?",
      ],
    },
  },
  {
    key: "nato-east",
    focus: ["the forward brigades", "military mobility", "the air defence gap"],
    externalId: "172733901",
    slug: "natos-eastern-flank-needs-brigades-not-summits",
    title: "NATO's Eastern Flank Needs Brigades, Not Summits",
    subtitle: "Deterrence is a matter of who is already there when the crisis starts.",
    publishedAt: "2026-06-18T06:00:00Z",
    audience: "everyone",
    commentCount: 120,
    paragraphs: [
      "Every summit produces a communiqué, and every communiqué promises to defend every inch. The Baltic states have heard that sentence many times. What they count is troops, depots and trains.",
      "Deterrence on the eastern flank depends on forces that are already in place when a crisis begins, because reinforcements that must cross Poland by rail in a week arrive into a different war from the one they were sent to prevent.",
      "The forward brigades now being built are the right idea, but they are arriving slowly, they are short of air defence, and the logistics behind them are a patchwork of national rules.",
      "If the alliance wants the next summit to matter, it should announce fewer goals and more trains, more ammunition stocks, and a single set of rules for moving them.",
    ],
    pools: {
      analyticalAgree: [
        "The rail point is crucial, because gauge changes and permits can add days that no communiqué can remove.",
        "Given that the Suwałki gap is less than a hundred kilometres wide, forces that are already there matter far more than promises.",
        "Compare the Cold War, when West Germany hosted several corps, with today's handful of brigades spread along a much longer line.",
        "Air defence is the weakest link, as you say, since a brigade without cover is mostly a target.",
        "Military mobility has been on the agenda since 2017 and the budgets still lag the speeches, which is the whole story.",
      ],
      analyticalDisagree: [
        "Forward brigades are a tripwire, not a defence, so their number matters less than the credibility of what follows.",
        "You're assuming the threat is a sudden land grab, but hybrid pressure is far more likely and brigades don't help much there.",
        "Summits are where the money gets agreed, so dismissing them misses how the brigades got funded in the first place.",
        "Stationing large forces permanently could provoke exactly the escalation it aims to deter.",
      ],
      skeptical: [
        "I doubt the brigades will be at full strength before the end of the decade.",
        "We'll see whether the budgets survive the next election cycle.",
        "It seems unlikely the alliance will ever agree on a single set of transport rules.",
        "I'm not sure the Baltic governments see it quite the way you describe.",
        "Maybe more trains, but who pays for them is the question nobody answers.",
      ],
      dismissive: [
        "The summit was a photo op, nothing more, and this post is too kind to it.",
        "Brigades, summits, whatever: it's all theatre for domestic audiences.",
        "Wake me up when a single new depot is actually finished.",
        "Another think-tank wish list that will be dead on arrival at the finance ministries.",
      ],
      supportive: [
        "Fewer goals and more trains should be printed on every delegate's badge.",
        "As someone from Vilnius, thank you for writing this so plainly.",
        "This is the most practical piece on the eastern flank I've read in months.",
        "Your point that reinforcements arrive into a different war is brilliant and sobering.",
      ],
      hostile: [
        "The summit clowns wouldn't know a brigade from a brunch menu.",
        "Defence ministers who cut ammunition budgets for a decade are idiots and should say sorry.",
        "Whoever wrote that communiqué is a moron with a thesaurus.",
        "These bureaucrats are useless clowns hiding behind paperwork.",
      ],
      neutral: [
        "How many troops are in one of these forward brigades, roughly?",
        "There's a good map of the rail gauges here: https://maps.example.org/europe-rail-gauge",
        "Is the Rail Baltica line expected to carry military traffic?",
        "Could you write something on the air defence gap specifically?",
        "I took the train from Warsaw to Vilnius last summer and changed trains at the border, so I believe the gauge story.",
      ],
    },
  },
  {
    key: "sanctions",
    focus: ["third-country leakage", "enforcement budgets", "the price cap"],
    externalId: "173388102",
    slug: "sanctions-that-did-not-bite",
    title: "Sanctions That Did Not Bite",
    subtitle: "The failure was in the design: leakage through third countries was predictable and predicted.",
    publishedAt: "2026-07-09T06:45:00Z",
    audience: "everyone",
    commentCount: 96,
    paragraphs: [
      "Three years of sanctions were supposed to starve a war economy of parts and revenue. The economy shrank less than forecast, the parts kept arriving, and the revenue found new buyers.",
      "The common explanation is that the target was more resilient than expected. I think the better explanation is that the sanctions leaked, and that the leaks were predictable from the first day.",
      "Goods that cannot be sold directly are sold through neighbours. Trade statistics showed exports of machine parts to third countries multiplying within months, and enforcement agencies had neither the staff nor the mandate to follow them.",
      "Sanctions are a tool of design and enforcement, not of intent. Announcing them is the easy part; the budget for customs officers is the policy.",
    ],
    pools: {
      analyticalAgree: [
        "The third-country export figures are damning, because those jumps appeared within a single quarter.",
        "Given that enforcement offices have a few hundred staff against thousands of shell companies, leakage was inevitable.",
        "Compare the Iran sanctions, where secondary measures on banks did far more than the export lists.",
        "The price cap was a design choice that traded effect for market stability, and that trade-off was deliberate.",
        "Your point about customs budgets is right: in most member states enforcement is a national matter with national priorities.",
      ],
      analyticalDisagree: [
        "Sanctions did bite: look at the interest rates and the technology downgrades, just not on the timeline people wanted.",
        "You're judging them against a goal nobody serious set, which was collapse rather than attrition.",
        "Leakage raises the cost of every part, so it is still a tax even when the goods arrive.",
        "Historically most sanctions regimes fail to change behaviour, so design may matter less than you think.",
      ],
      skeptical: [
        "I doubt better design would have changed much given how many countries chose not to join.",
        "We'll see whether the new enforcement rules are any different in practice.",
        "It seems unlikely that customs officers alone could have closed those routes.",
        "I'm not convinced the trade statistics mean what you think they mean.",
        "Maybe, but hindsight makes every leak look predictable.",
      ],
      dismissive: [
        "Sanctions never work and never have. This is just a more polite way of saying so.",
        "A press release with a legal annex, nothing more.",
        "Oh good, another call for more officials. That'll fix it.",
        "Dead on arrival from the first package, as anyone could have told them.",
      ],
      supportive: [
        "The line that the customs budget is the policy should be framed somewhere in Brussels.",
        "Thank you for putting numbers to what many of us suspected.",
        "Really sharp piece, and much fairer than most of the coverage.",
        "I work in export compliance and this is exactly right, from the inside.",
      ],
      hostile: [
        "The officials who waved those re-exports through are clowns or worse.",
        "Idiots in the ministries announced sanctions and then went on holiday.",
        "Whoever thought a price cap would enforce itself is a moron.",
      ],
      neutral: [
        "Do you have a source for the machine-parts export figures?",
        "There's a decent dataset on re-exports here: https://trade.example.org/reexports-2025",
        "How many people actually work in the enforcement office?",
        "Would secondary sanctions on banks be legal under EU law?",
        "A friend who runs a logistics firm says the paperwork doubled and the shipments didn't fall. Make of that what you will.",
      ],
    },
  },
  {
    key: "vienna",
    focus: ["Talleyrand at the table", "the Versailles contrast", "the Concert of Europe"],
    externalId: "174012377",
    slug: "what-vienna-can-still-teach-us",
    title: "What Vienna Can Still Teach Us",
    subtitle: "The Congress of Vienna worked because it brought the defeated power back into the room.",
    publishedAt: "2026-07-30T07:15:00Z",
    audience: "only_paid",
    commentCount: 45,
    paragraphs: [
      "It has become fashionable to sneer at the Congress of Vienna as a club of reactionary monarchs. Yet the settlement of 1815 kept a general European war at bay for a century, something no later order can claim.",
      "The reason was not the dancing or the diplomats' manners. It was the decision to treat defeated France as a member of the system rather than its permanent outcast. Talleyrand sat at the table within months of Waterloo.",
      "Compare Versailles in 1919, which excluded the defeated and built a peace that lasted twenty years. A settlement that leaves a great power outside has built its own opposition.",
      "Today's conflicts will end in settlements too. The question Vienna poses is whether we are willing to design an order the loser can live inside.",
    ],
    pools: {
      analyticalAgree: [
        "The contrast with Versailles is the heart of it, because the exclusion of Germany turned a defeat into a grievance.",
        "Given that the Concert met regularly after 1815, the system had a way to adjust, which Versailles lacked.",
        "Talleyrand's presence mattered because it gave France a stake in defending the settlement rather than overturning it.",
        "The century of peace had wars in it, but none that pulled in every great power, which is the right measure.",
        "Kissinger made a similar argument in his first book, and it still holds up better than his later ones.",
      ],
      analyticalDisagree: [
        "Vienna worked for the monarchs and crushed everyone else, so calling it a model ignores who paid for the stability.",
        "You're skipping Crimea in 1853, which shows the Concert broke down within forty years.",
        "France in 1815 had a restored king the others trusted; today's defeated powers would not be so convenient.",
        "The peace after 1815 owed as much to British naval power as to inclusive diplomacy.",
      ],
      skeptical: [
        "I doubt modern publics would accept a settlement that rewards the aggressor with a seat.",
        "We'll see if anyone in power reads history this carefully.",
        "It seems unlikely that nineteenth-century diplomacy transfers to an age of television and elections.",
        "I'm not sure the century of peace was as peaceful as the post suggests.",
      ],
      dismissive: [
        "Ah yes, the monarchs' club as a model for democracy. Very convincing.",
        "Nostalgia for powdered wigs is not a foreign policy.",
        "This is a seminar essay, not a guide to anything real.",
        "Nobody is going to hold a Congress of anything. Next.",
      ],
      supportive: [
        "This is why I'm a paid subscriber: nobody else would write this piece.",
        "Beautiful essay, and the Talleyrand detail is perfect.",
        "Thank you for defending Vienna against the usual sneering.",
        "I'm reading Zamoyski's book on the Congress now and this is a great companion to it.",
      ],
      hostile: [
        "The idiots who drafted Versailles deserve every word of this.",
        "Today's leaders are clowns next to Castlereagh, and not even funny clowns.",
        "Our foreign ministers are morons who think history started in 1989.",
      ],
      neutral: [
        "Which book would you recommend as a first read on the Congress?",
        "Was Talleyrand formally a participant or more of an observer at first?",
        "There's a nice digitised copy of the Final Act here: https://archive.example.org/vienna-1815",
        "Will this be part of a series on peace settlements?",
        "I visited the Hofburg last spring; the guide barely mentioned the Congress.",
      ],
    },
  },
  {
    key: "taiwan",
    focus: ["strategic ambiguity", "the blockade drills", "the military balance in the Strait"],
    externalId: "174688230",
    slug: "the-taiwan-strait-ambiguity-is-running-out",
    title: "The Taiwan Strait: Deterrence by Ambiguity Is Running Out",
    subtitle: "Strategic ambiguity kept the peace for decades. The conditions that made it work are gone.",
    publishedAt: "2026-08-20T05:30:00Z",
    audience: "everyone",
    commentCount: 148,
    paragraphs: [
      "For almost fifty years Washington has declined to say whether it would defend Taiwan. The ambiguity deterred both sides at once: Beijing could not be sure of a free hand, and Taipei could not be sure of a blank cheque.",
      "That balance depended on a military gap that made a crossing of the Strait unthinkable. The gap has narrowed, the exercises around the island are larger every year, and ambiguity now invites probing rather than caution.",
      "This summer's crisis, with blockade drills that lasted longer than any before, showed the problem. Each side read the other's restraint as weakness, and each step was designed to test a line nobody had drawn.",
      "Clarity carries risks, but so does a policy whose purpose is no longer understood by the people it is meant to deter. It is time to say plainly what would happen, and to build the forces that make the sentence credible.",
    ],
    pools: {
      analyticalAgree: [
        "The military balance is the key variable, because ambiguity only deters when the costs of guessing wrong are enormous.",
        "Given that the blockade drills now last weeks rather than days, each one is a rehearsal as much as a signal.",
        "Compare 1996, when two carriers settled the question in days; that option is far riskier now that anti-ship missiles cover the approaches.",
        "Ambiguity worked in a world where one side could not cross, so the policy outlived its premise, exactly as you argue.",
        "The 1979 Taiwan Relations Act was written for a different balance, and nobody has updated the logic since.",
      ],
      analyticalDisagree: [
        "Clarity could push Taipei toward formal independence, which is the one move most likely to trigger a war.",
        "You're assuming Beijing reads restraint as weakness, but its own doctrine values patience and avoiding a premature fight.",
        "Ambiguity has survived earlier crises too, including 1958, when the balance looked shakier than it does today.",
        "A clear commitment without the forces to back it would be worse than ambiguity, and those forces are years away.",
      ],
      skeptical: [
        "I doubt any president would make that commitment in plain words.",
        "We'll see whether the drills are a rehearsal or mostly theatre for a domestic audience.",
        "It seems unlikely that a single sentence from Washington changes calculations in Beijing.",
        "I'm not convinced the gap has narrowed as much as the headlines say.",
        "Maybe clarity helps, but nobody can promise it won't provoke the thing it's meant to prevent.",
      ],
      dismissive: [
        "Strategic clarity is a think-tank fantasy that will be dead on arrival in any real crisis.",
        "Another armchair general explaining the Strait from a café.",
        "This is just hawkish wishful thinking with footnotes.",
        "The drills were a photo op, nothing more, and the post falls for it.",
      ],
      supportive: [
        "The best explanation of strategic ambiguity I've read, and I've read dozens.",
        "Thank you for being clear without being alarmist, which is rare on this subject.",
        "The line about a policy nobody understands any more is exactly right.",
        "Sending this to my colleagues in Taipei; they'll appreciate the care.",
        "Brave piece, and well argued from start to finish.",
      ],
      hostile: [
        "The officials who keep mumbling about ambiguity are clowns hoping the problem retires before they do.",
        "Idiots in both capitals are playing chicken with a whole island's future.",
        "Whoever approved those drills is a moron looking for a war.",
        "These spokespeople are clowns reading scripts they don't understand.",
      ],
      neutral: [
        "How many days did the blockade drills actually last this time?",
        "Here's a good map of the exercise zones: https://maps.example.org/strait-drills-2026",
        "Does anyone know how long the island's energy reserves would last under a blockade?",
        "Could you do a piece on the 1958 crisis? I know almost nothing about it.",
        "I flew into Taipei the week of the drills and honestly everyone seemed calm.",
      ],
    },
  },
  {
    key: "sahel",
    focus: ["security-first policy", "the juntas' record", "governance on the ground"],
    externalId: "175301994",
    slug: "the-sahels-coup-belt-is-a-verdict",
    title: "The Sahel's Coup Belt Is a Verdict",
    subtitle: "The juntas are a judgement on a decade of security-first policy from outside.",
    publishedAt: "2026-09-10T06:00:00Z",
    audience: "everyone",
    commentCount: 71,
    paragraphs: [
      "Mali, Burkina Faso and Niger have each had a coup since 2020, and each junta has expelled the Western forces that were there to fight insurgents. It is tempting to blame foreign meddling or ambitious colonels. Both played a part.",
      "But the deeper cause is that a decade of outside policy put security first and governance a distant second. Counter-terrorism operations killed commanders while the state that was meant to follow them never arrived.",
      "Villages saw soldiers, drones and curfews, not courts, schools or a fair price for their harvest. When the colonels promised sovereignty and dignity, they were offering something the old arrangement never had.",
      "The juntas have not delivered security either. But the West should read the coups as a verdict on its own strategy before it designs the next one.",
    ],
    pools: {
      analyticalAgree: [
        "The ratio of military to development spending over the decade tells the story, because the first outran the second by a wide margin.",
        "Given that the insurgencies fed on local land and grazing disputes, drones were never going to resolve them.",
        "Compare Afghanistan, where the same security-first logic produced the same hollow state.",
        "The coups were popular at first precisely because the old governments were seen as clients of outsiders.",
        "Operation Barkhane killed many commanders, yet the insurgent-held territory grew, which says a lot about the approach.",
      ],
      analyticalDisagree: [
        "Security had to come first, since you cannot build a school in a district where teachers are being shot.",
        "You're underplaying the role of the new foreign partners, who offered regime protection without any governance conditions.",
        "The coups had local causes, military grievances about pay and casualties above all, rather than a verdict on anyone's strategy.",
        "Development money was spent too; the problem was corruption in the capitals, not the order of priorities.",
      ],
      skeptical: [
        "I doubt a different Western strategy would have stopped the colonels.",
        "We'll see if the juntas last long enough for anyone to draw lessons.",
        "It seems unlikely that governance-first would have worked with insurgents already in control of the roads.",
        "I'm not sure 'verdict' is the right word for what was mostly a power grab.",
      ],
      dismissive: [
        "Blame the West, again. How original.",
        "This is a seminar-room theory that ignores the men with guns.",
        "The coups were about colonels wanting power. End of story.",
        "A neat narrative, nothing more.",
      ],
      supportive: [
        "Thank you for writing about the Sahel at all; almost nobody does.",
        "The point about villages seeing curfews rather than courts is powerful.",
        "I worked in Niamey for three years and this rings painfully true.",
        "Balanced and humane, as always.",
      ],
      hostile: [
        "The generals who ran those operations were clowns counting kills instead of results.",
        "The idiots in the ministries kept funding drones and called it a strategy.",
        "The colonels are thugs and the Western officials who propped up their predecessors were morons.",
      ],
      neutral: [
        "Is there a good overview of the three coups in order?",
        "What happened to the UN mission in Mali after the withdrawal?",
        "There's a useful timeline here: https://africa.example.org/sahel-timeline",
        "How large were the Western deployments at their peak?",
        "Does anyone know a good podcast on the region in French or English?",
      ],
    },
  },
  {
    key: "arctic",
    focus: ["the northern route", "icebreaker escorts", "the toll booth idea"],
    externalId: "175940517",
    slug: "the-arctic-route-changes-the-map",
    title: "The Arctic Route Is Real, and It Changes the Map",
    subtitle: "Northern shipping will matter strategically long before it matters commercially.",
    publishedAt: "2026-10-01T07:30:00Z",
    audience: "only_paid",
    commentCount: 63,
    paragraphs: [
      "Each autumn brings a headline about a container ship taking the northern route between Asia and Europe, and each spring brings an analyst explaining why it will never rival Suez. Both are right, and both miss the point.",
      "Commercially, the route remains seasonal, expensive to insure, and dependent on icebreaker escorts. Only a few dozen transits a year make the full passage. It is not a new Suez, and it will not be one soon.",
      "Strategically, though, the route is already changing the map. It brings ports, airfields and radars north, it gives the coastal state a toll booth on a sea lane, and it pulls navies into waters they have ignored since 1990.",
      "The right question is not how many containers will go north, but who will control the waters when they do.",
    ],
    pools: {
      analyticalAgree: [
        "The icebreaker fleet is the real indicator, because whoever has the escorts sets the rules of the route.",
        "Given that insurance premiums for the passage are several times those for Suez, commerce will lag strategy for years.",
        "Compare the early Suez Canal, which mattered to navies well before it carried most of the trade.",
        "The reopened Soviet-era airfields along the coast say more about intentions than any shipping figure.",
        "Your distinction between commerce and strategy is right, since a sea lane can matter militarily with very little traffic.",
      ],
      analyticalDisagree: [
        "The strategic significance is overstated: a narrow, seasonal route is easy to close and hard to defend.",
        "You're assuming the ice keeps retreating at the same pace, but year-to-year variation is still huge.",
        "Navies were never fully absent after 1990; submarines kept patrolling under the ice the whole time.",
        "Transit numbers matter more than the post admits, because a route nobody uses gives little leverage.",
      ],
      skeptical: [
        "I doubt the route becomes strategically important while it's only open a few months a year.",
        "We'll see how many transits there are once insurers price the risk properly.",
        "It seems unlikely that other navies will commit much up there with everything else going on.",
        "I'm not convinced a toll booth on a frozen sea is much of a lever.",
      ],
      dismissive: [
        "The northern route is a PR story that comes back every autumn, nothing more.",
        "Nobody is shipping anything serious through there. Next topic, please.",
        "Ice, fog and headlines. Not a strategy.",
        "This is hype, as it was ten years ago.",
      ],
      supportive: [
        "Finally a piece that separates the commerce question from the strategy question 🧊",
        "Great read, the toll booth image is perfect.",
        "Thank you for this, I'd never thought about the radars and airfields.",
        "As a Norwegian, I appreciate that someone explains this clearly to a wider audience.",
      ],
      hostile: [
        "The officials who ignored the north for thirty years are clowns now pretending to be surprised.",
        "Idiots cut the icebreaker budget and now want a polar strategy.",
        "The defence planners who mothballed those bases were morons.",
      ],
      neutral: [
        "How many full transits were there last season?",
        "Here's a tracker of ships on the northern route: https://ships.example.org/arctic-live 🚢",
        "Does anyone know what the insurance premium is compared with Suez?",
        "Will you write about Greenland next? Seems related.",
        "I sailed to Svalbard in August and there was no ice at all near the coast.",
      ],
    },
  },
  {
    key: "grain",
    focus: ["the grain corridor", "Turkey as broker", "the coordination centre"],
    externalId: "176588209",
    slug: "the-grain-deal-was-never-about-grain",
    title: "The Grain Deal Was Never About Grain",
    subtitle: "The Black Sea corridor was a diplomatic instrument first, and Ankara understood that best.",
    publishedAt: "2026-10-22T06:15:00Z",
    audience: "everyone",
    commentCount: 82,
    paragraphs: [
      "The Black Sea grain corridor was sold as a humanitarian measure, and it did move millions of tonnes of wheat and maize. But its design tells you that grain was not the main point.",
      "The deal created a channel of talks between enemies, a role for the United Nations, and above all a stage for Turkey as the indispensable broker between the two sides.",
      "Turkey hosted the coordination centre, inspected the ships, and gained standing in every capital involved. When the deal lapsed, the grain kept moving by other routes; the diplomatic channel did not.",
      "If a new deal is negotiated this winter, judge it by who gains influence from it, not by the tonnage. That is where its real value, and its fragility, lie.",
    ],
    pools: {
      analyticalAgree: [
        "The fact that exports continued through other routes after the deal lapsed proves your point, because the grain found a way and the diplomacy didn't.",
        "Given that Ankara controls the straits under Montreux, it was always going to be the broker.",
        "Compare the Danube shipping arrangements after 1856, which were also as much about influence as about trade.",
        "Most of the grain went to middle-income countries, not the poorest, which undercuts the humanitarian framing.",
        "The coordination centre was the real innovation: it was the only place where both sides' officers worked in the same room.",
      ],
      analyticalDisagree: [
        "Food prices fell measurably after the deal, so the humanitarian effect was real, not a cover story.",
        "You're treating Turkey's gain as the purpose rather than a side effect of geography.",
        "The UN's role mattered more than Ankara's, because its presence is what gave insurers confidence.",
        "Calling it never about grain goes too far; the importers certainly thought it was about grain.",
      ],
      skeptical: [
        "I doubt a new deal gets signed this winter at all.",
        "We'll see whether Ankara can play the broker again after everything since.",
        "It seems unlikely that the diplomatic channel mattered as much as you say.",
        "I'm not sure the UN would sign up to the same arrangement twice.",
      ],
      dismissive: [
        "Of course it was about grain. This is overthinking a shipping schedule.",
        "A photo op at the coordination centre, nothing more.",
        "Clever-sounding, but it's a take in search of evidence.",
        "Dead on arrival, like every deal that depends on both sides behaving.",
      ],
      supportive: [
        "This reframing is brilliant and now I can't unsee it.",
        "Thank you, the point about the coordination centre is something I'd never considered.",
        "Your newsletter is the only place I get this kind of analysis 👏",
        "Excellent, as usual, and very clearly written.",
      ],
      hostile: [
        "The negotiators who let the deal lapse are clowns who never read their own briefings.",
        "Idiots on all sides treated hungry people like poker chips.",
        "The officials who sold this as charity are morons or liars.",
      ],
      neutral: [
        "How many tonnes went through the corridor in total?",
        "Here's the UN's final report on the corridor: https://un.example.org/black-sea-initiative-final",
        "Who actually paid for the inspections?",
        "Is the Montreux Convention relevant to grain ships or only warships?",
        "My cousin works at a port in Odesa; she says the trucks never stopped.",
      ],
    },
  },
  {
    key: "balkan",
    focus: ["accession fatigue", "the turnout collapse", "staged accession"],
    externalId: "177201466",
    slug: "a-balkan-election-and-the-eus-patience",
    title: "A Balkan Election and the Limits of the EU's Patience",
    subtitle: "Voters stopped believing in accession long before Brussels stopped promising it.",
    publishedAt: "2026-11-05T07:00:00Z",
    audience: "everyone",
    commentCount: 110,
    paragraphs: [
      "Sunday's election in one of the Western Balkan candidate states was reported abroad as a contest between pro-European and nationalist camps. That framing is twenty years out of date.",
      "Every major party campaigned as pro-European. None of them believed it would matter before 2035, and neither did the voters. Turnout fell to a record low, and the winner's main promise was cheaper electricity.",
      "Accession worked as a lever while it looked close. After two decades of summits at which candidates were told to be patient, it has become a ritual that no longer changes anyone's behaviour.",
      "If the EU wants its influence back in the region, it needs to offer something real inside a single electoral cycle: market access, roaming, funds, a seat at some tables. Otherwise the ritual will continue, and others will fill the space.",
    ],
    pools: {
      analyticalAgree: [
        "The turnout figure is the real headline, because people who think accession is coming vote in larger numbers.",
        "Given that the region has been a candidate since Thessaloniki in 2003, patience was always going to run out.",
        "Compare the 2004 enlargement, where the date was credible and reforms followed the date.",
        "The staged accession idea, with benefits during the process, fits your argument exactly.",
        "Outside investors moved in where EU funds lagged, so the space is already being filled.",
      ],
      analyticalDisagree: [
        "Conditionality still works on specific laws, even if the grand promise has lost its shine.",
        "You're ignoring the bilateral vetoes by member states, which are the real reason for the delays, not Brussels.",
        "Low turnout says more about emigration than about attitudes to the EU.",
        "Offering benefits without reforms would reward exactly the governments that stalled the process.",
      ],
      skeptical: [
        "I doubt the EU will offer anything real while unanimity is required for every step.",
        "We'll see if the new government even tries to keep the reform pace.",
        "It seems unlikely that roaming and funds would change how people vote.",
        "I'm not convinced this election tells us much beyond local politics.",
      ],
      dismissive: [
        "Enlargement is dead and this post is writing the eulogy politely.",
        "The EU summit promises are a photo op, nothing more, and everyone there knows it.",
        "Another Western take on the Balkans that misses the point entirely.",
        "Cheaper electricity beat Brussels. Shocking. 🙄",
      ],
      supportive: [
        "As someone from the region, thank you for getting this right.",
        "The point that every party is pro-European and nobody believes it is spot on.",
        "Great piece, and refreshing to read something without the usual clichés.",
        "Thank you for writing about the Balkans with actual respect 🙏",
      ],
      hostile: [
        "The commissioners who keep saying 'be patient' are clowns with pensions.",
        "Idiots in Brussels and crooks at home, that's the whole story.",
        "The politicians who turned accession into a ritual are morons.",
      ],
      neutral: [
        "What was the actual turnout figure?",
        "Here's the electoral commission's results page: https://results.example.org/2026-parliamentary",
        "Which member states are blocking right now, and why?",
        "Is the Growth Plan money already flowing or still on paper?",
        "I voted abroad from Vienna and the queue was still two hours long.",
      ],
    },
  },
];
