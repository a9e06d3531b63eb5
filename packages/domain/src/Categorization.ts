import { Schema } from "effect"
import { Statement, StatementId } from "./Statement.js"
import { ThemeId } from "./Theme.js"

/** A word or phrase that pushed a statement towards a theme. */
export class Evidence extends Schema.Class<Evidence>("Evidence")({
  theme: ThemeId,
  /** The text as it appears in the statement. */
  match: Schema.String,
  /** The lexicon term or model feature it matched. */
  term: Schema.String,
  weight: Schema.Number,
  source: Schema.Literal("lexicon", "classifier", "override")
}) {}

/** What the categorizer decides for one statement; shared by both classes below. */
const decisionFields = {
  /** Assigned theme ids; `["other"]` when none applies. */
  themes: Schema.NonEmptyArray(ThemeId),
  /** Score per theme id, 0..1. */
  scores: Schema.Record({ key: Schema.String, value: Schema.Number }),
  evidence: Schema.Array(Evidence),
  /** 0..1: how sure the categorizer is of the whole label set. */
  confidence: Schema.Number,
  needsReview: Schema.Boolean,
  /** Set when a reviewer's override decided the themes. */
  overridden: Schema.optionalWith(Schema.Boolean, { default: () => false })
}

export class Categorization extends Schema.Class<Categorization>("Categorization")({
  statementId: StatementId,
  ...decisionFields
}) {}

/** The public `statements.json` row: a statement with its categorization. */
export class CategorizedStatement extends Schema.Class<CategorizedStatement>("CategorizedStatement")({
  ...Statement.fields,
  ...decisionFields,
  /** Set when a reviewer rewrote the text (`text` and `rawText` are then the rewritten text). */
  redacted: Schema.optional(Schema.Boolean)
}) {}

export const StatementsFile = Schema.Array(CategorizedStatement)

/**
 * A reviewer's correction, keyed by statement id or by normalized text: other themes, the
 * statement left out of the report (`exclude`), or its text rewritten (`redact`, e.g. a name
 * taken out). At least one of the three.
 */
export class Override extends Schema.Class<Override>("Override")({
  id: Schema.optional(Schema.String),
  text: Schema.optional(Schema.String),
  themes: Schema.optional(Schema.NonEmptyArray(ThemeId)),
  exclude: Schema.optional(Schema.Boolean),
  redact: Schema.optional(Schema.String),
  note: Schema.optional(Schema.String)
}) {}
export const OverridesFile = Schema.Array(Override)

/** How much the categorizer learnt from saved corrections in one run (summary.json, the analysis, the report). */
export class CorrectionsUsed extends Schema.Class<CorrectionsUsed>("CorrectionsUsed")({
  /** Saved corrections for this theme set that the run could follow. */
  corrections: Schema.Number,
  /** Corrections the model in use was retrained with (0: the base model). */
  retrainedWith: Schema.Number,
  /** Statements given a correction's themes: same text, or nearly the same. */
  followedExact: Schema.Number,
  followedNear: Schema.Number
}) {}
