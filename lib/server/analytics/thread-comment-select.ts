import "server-only";
import { cueSchema, LABEL_SOURCES, type ThreadComment } from "@/lib/schemas/thread";
import {
  SENTIMENT_LABELS,
  type SentimentLabel,
  STANCES,
  type Stance,
  TONES,
  type Tone,
} from "@/lib/scoring/types";

/**
 * The columns of a ThreadComment, selected FROM `comment c LEFT JOIN comment_score s`; pair with
 * `toThreadComment`. Flags come from correlated look-ups on flag(comment_id, status), one per comment shown.
 * Plain text (no parameters): nest it with `sql.unsafe(THREAD_COMMENT_COLUMNS)`.
 */
export const THREAD_COMMENT_COLUMNS = `
  c.id, c.post_id, c.parent_id, c.depth, c.commenter_id, c.author_name, c.body, c.posted_at, c.edited_at,
  c.deleted, c.automod_hidden, c.upstream_status, c.status::text AS status, c.reaction_count,
  coalesce(c.corrected_tone, s.tone)::text AS tone, s.tone::text AS scored_tone,
  s.tone_scores, s.secondary_tone::text AS secondary_tone,
  coalesce(c.corrected_stance, s.stance)::text AS stance, s.stance::text AS scored_stance,
  (c.corrected_tone IS NOT NULL AND c.corrected_tone IS DISTINCT FROM s.tone
    OR c.corrected_stance IS NOT NULL AND c.corrected_stance IS DISTINCT FROM s.stance) AS corrected,
  s.sentiment_score, s.sentiment_comparative, s.sentiment_label::text AS sentiment_label,
  coalesce(s.flag, false) AS scorer_flag, coalesce(s.flag_reasons, '{}'::text[]) AS scorer_reasons,
  coalesce(s.cues, '[]'::jsonb) AS cues,
  (s.tone_scores->>(s.tone::text))::float8 AS tone_probability, s.stance_confidence,
  s.sentiment_confidence, s.flag_probability, s.label_source::text AS label_source,
  (SELECT r.evidence FROM comment_refinement r WHERE r.comment_id = c.id
     AND r.refiner = s.label_source AND r.version = s.label_version) AS label_evidence,
  (SELECT count(*)::int FROM flag f WHERE f.comment_id = c.id AND f.status = 'OPEN') AS open_flags,
  (SELECT coalesce(array_agg(DISTINCT coalesce(f.comment_reason::text, f.rule_reason::text)), '{}'::text[]) FROM flag f
     WHERE f.comment_id = c.id AND f.status = 'OPEN') AS flag_reasons`;

export interface ThreadCommentRow {
  id: number;
  post_id: number;
  parent_id: number | null;
  depth: number;
  commenter_id: number | null;
  author_name: string;
  body: string | null;
  posted_at: Date;
  edited_at: Date | null;
  deleted: boolean;
  automod_hidden: boolean;
  upstream_status: string | null;
  status: ThreadComment["status"];
  reaction_count: number;
  tone: string | null;
  scored_tone: string | null;
  tone_scores: unknown;
  secondary_tone: string | null;
  stance: string | null;
  scored_stance: string | null;
  corrected: boolean;
  sentiment_score: number | null;
  sentiment_comparative: number | null;
  sentiment_label: string | null;
  scorer_flag: boolean;
  scorer_reasons: string[];
  cues: unknown;
  tone_probability: number | null;
  stance_confidence: number | null;
  sentiment_confidence: number | null;
  flag_probability: number | null;
  label_source: string | null;
  label_evidence: string | null;
  open_flags: number;
  flag_reasons: string[];
}

const asTone = (v: string | null) =>
  v !== null && (TONES as readonly string[]).includes(v) ? (v as Tone) : null;
const asStance = (v: string | null) =>
  v !== null && (STANCES as readonly string[]).includes(v) ? (v as Stance) : null;
const asLabel = (v: string | null) =>
  v !== null && (SENTIMENT_LABELS as readonly string[]).includes(v) ? (v as SentimentLabel) : null;

const asSource = (v: string | null) =>
  v !== null && (LABEL_SOURCES as readonly string[]).includes(v) ? (v as ThreadComment["labelSource"]) : null;

/** The stored per-tone probabilities, or null when missing or not one finite number per tone. */
function storedToneScores(value: unknown): ThreadComment["toneScores"] {
  if (value === null || typeof value !== "object") return null;
  const scores = value as Record<string, unknown>;
  const out = {} as Record<Tone, number>;
  for (const t of TONES) {
    const v = scores[t];
    if (typeof v !== "number" || !Number.isFinite(v)) return null;
    out[t] = v;
  }
  return out;
}

/** Cues as stored, keeping only well-formed entries; the renderer also checks them against the body. */
function storedCues(value: unknown): ThreadComment["cues"] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((cue) => {
    const parsed = cueSchema.safeParse(cue);
    return parsed.success ? [parsed.data] : [];
  });
}

export function toThreadComment(r: ThreadCommentRow): ThreadComment {
  const label = asLabel(r.sentiment_label);
  return {
    id: r.id,
    postId: r.post_id,
    parentId: r.parent_id,
    depth: r.depth,
    commenterId: r.commenter_id,
    authorName: r.author_name,
    body: r.body,
    postedAt: r.posted_at.toISOString(),
    editedAt: r.edited_at?.toISOString() ?? null,
    deleted: r.deleted,
    automodHidden: r.automod_hidden,
    upstreamStatus: r.upstream_status,
    status: r.status,
    reactionCount: r.reaction_count,
    tone: asTone(r.tone),
    scoredTone: asTone(r.scored_tone),
    toneScores: storedToneScores(r.tone_scores),
    secondaryTone: asTone(r.secondary_tone),
    stance: asStance(r.stance),
    scoredStance: asStance(r.scored_stance),
    corrected: r.corrected,
    sentiment:
      label !== null && r.sentiment_score !== null && r.sentiment_comparative !== null
        ? { score: r.sentiment_score, comparative: r.sentiment_comparative, label }
        : null,
    openFlags: r.open_flags,
    scorerFlag: r.scorer_flag,
    flagReasons: [...new Set([...r.flag_reasons, ...r.scorer_reasons])],
    cues: r.body === null ? [] : storedCues(r.cues),
    confidence:
      r.tone_probability === null
        ? null
        : {
            tone: r.tone_probability,
            stance: r.stance_confidence ?? 0,
            sentiment: r.sentiment_confidence ?? 0,
            flag: r.flag_probability ?? 0,
          },
    labelSource: asSource(r.label_source),
    labelEvidence: r.body === null ? null : r.label_evidence,
  };
}
