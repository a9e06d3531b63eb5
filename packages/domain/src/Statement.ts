import { Schema } from "effect"

/** Stable id of a statement, derived from where it was read (e.g. `s0042`). */
export const StatementId = Schema.String.pipe(Schema.brand("StatementId"))
export type StatementId = typeof StatementId.Type

/** The kind of slide a statement or closed question came from. */
export const QuestionType = Schema.Literal(
  "open", // open ended
  "wordcloud",
  "qa", // questions from the audience
  "table", // a row of a plain table (csv/xlsx), type unknown
  "choices",
  "scales",
  "ranking",
  "quiz"
)
export type QuestionType = typeof QuestionType.Type

/** Where a value was read: sheet (or file for csv), 1-based row and column. */
export class SourceLocation extends Schema.Class<SourceLocation>("SourceLocation")({
  sheet: Schema.String,
  row: Schema.Number,
  column: Schema.Number
}) {}

/** A question (slide) with free-text answers. */
export class Question extends Schema.Class<Question>("Question")({
  title: Schema.String,
  type: QuestionType,
  /** Menti session numbers this question was asked in (empty for plain tables). */
  sessions: Schema.Array(Schema.Number)
}) {}

/** One statement typed by a participant, cleaned and masked, ready to categorize. */
export class Statement extends Schema.Class<Statement>("Statement")({
  id: StatementId,
  question: Schema.String,
  questionType: QuestionType,
  session: Schema.optional(Schema.Number),
  /** Voter key `session:voter` for Menti, participant id for Q&A, absent for tables. */
  participant: Schema.optional(Schema.String),
  date: Schema.optional(Schema.String),
  upvotes: Schema.optional(Schema.Number),
  source: SourceLocation,
  /** The text as read, with personal data already masked. */
  rawText: Schema.String,
  /** The cleaned text (NFC, whitespace, mojibake repaired, masked) that every later stage uses. */
  text: Schema.String,
  /** Set when this is an exact duplicate of an earlier statement: that statement's id. */
  duplicateOf: Schema.optional(StatementId),
  /** The event (export file) it came from, when one analysis reads several exports. */
  event: Schema.optional(Schema.String)
}) {}
