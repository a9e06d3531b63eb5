import { Schema } from "effect"
import { CategorizedStatement } from "./Categorization.js"
import { ClosedQuestion } from "./ClosedQuestion.js"
import { Ledger } from "./Ledger.js"
import { CategorizedNote } from "./Notes.js"
import { Question, Statement } from "./Statement.js"
import { ThemeSet } from "./Theme.js"

/** What is known of the event behind an export. */
export class EventInfo extends Schema.Class<EventInfo>("EventInfo")({
  /** A title for the report, from the file or the user. */
  title: Schema.String,
  /** ISO date (YYYY-MM-DD) of the first answer, when known. */
  date: Schema.optional(Schema.String),
  /** Distinct participants (voters and Q&A participants) when known. */
  participants: Schema.optional(Schema.Number)
}) {}

/** Everything ingest hands on: statements, closed questions, and the ledger. */
export class IngestResult extends Schema.Class<IngestResult>("IngestResult")({
  event: EventInfo,
  questions: Schema.Array(Question),
  statements: Schema.Array(Statement),
  closedQuestions: Schema.Array(ClosedQuestion),
  ledger: Ledger
}) {}

/** A finished analysis: the input to charts and report. */
export class CategorizedResult extends Schema.Class<CategorizedResult>("CategorizedResult")({
  event: EventInfo,
  themeSet: ThemeSet,
  questions: Schema.Array(Question),
  statements: Schema.Array(CategorizedStatement),
  closedQuestions: Schema.Array(ClosedQuestion),
  ledger: Ledger,
  /** Paragraphs from the conference's other sources (`--notes`): shown apart, never counted as statements. */
  notes: Schema.optionalWith(Schema.Array(CategorizedNote), { default: () => [] })
}) {}
