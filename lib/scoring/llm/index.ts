export {
  type AnswerProblem,
  answerJsonSchema,
  type CommentAnswer,
  commentAnswerSchema,
  extractJson,
  type ParsedAnswer,
  parseAnswer,
  quotedEvidence,
  refinedFromAnswer,
  spreadProbability,
  unanswered,
} from "./answer";
export {
  buildChatMessages,
  type ChatMessage,
  type LlmComment,
  MAX_COMMENT_CHARS,
  RUBRIC_VERSION,
  SYSTEM_PROMPT,
} from "./rubric";
