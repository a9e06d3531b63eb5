import { Schema } from "effect"
import { StatementId } from "./Statement.js"
import { ThemeId } from "./Theme.js"

/** A distinctive term of a theme (TF-IDF against the other themes). */
export class KeyTerm extends Schema.Class<KeyTerm>("KeyTerm")({
  term: Schema.String,
  score: Schema.Number,
  /** How many of the theme's statements use it. */
  statements: Schema.Number
}) {}

/** How many of a theme's statements propose an action (aggregate's `actionScore`). */
export class ProposalCounts extends Schema.Class<ProposalCounts>("ProposalCounts")({
  /** Statements that propose something, every copy counted. */
  statements: Schema.Number,
  /** Distinct proposals (word-for-word copies once). */
  distinct: Schema.Number,
  /** Proposing statements that are low-hanging fruit: short, concrete, easy to start on. */
  easy: Schema.Number
}) {}

/** One theme's figures. Shares are of kept statements (a statement can carry several themes). */
export class ThemeSummary extends Schema.Class<ThemeSummary>("ThemeSummary")({
  theme: ThemeId,
  label: Schema.String,
  color: Schema.String,
  count: Schema.Number,
  share: Schema.Number,
  keyTerms: Schema.Array(KeyTerm),
  /** 3-5 central, high-confidence statements, best first. */
  representative: Schema.Array(StatementId),
  /** Statements that propose something concrete (an action), best first. */
  actionable: Schema.Array(StatementId),
  /**
   * Of `actionable`, the low-hanging fruit. Summaries written before this field read as none
   * (only the web's API reads old ones; reports are drawn from a fresh summary).
   */
  lowHangingFruit: Schema.optionalWith(Schema.Array(StatementId), { default: () => [] }),
  /** The theme's proposals in figures; old summaries read as zero (see `lowHangingFruit`). */
  proposals: Schema.optionalWith(ProposalCounts, {
    default: () => new ProposalCounts({ statements: 0, distinct: 0, easy: 0 })
  })
}) {}

export class QuestionSummary extends Schema.Class<QuestionSummary>("QuestionSummary")({
  title: Schema.String,
  type: Schema.String,
  count: Schema.Number
}) {}

export class ThemeQuestionCell extends Schema.Class<ThemeQuestionCell>("ThemeQuestionCell")({
  theme: ThemeId,
  question: Schema.String,
  count: Schema.Number
}) {}

/** The aggregate stage's output: what charts and report are drawn from. */
export class Summary extends Schema.Class<Summary>("Summary")({
  statements: Schema.Number,
  /** Distinct statement texts (duplicates counted once). */
  distinctStatements: Schema.Number,
  questions: Schema.Array(QuestionSummary),
  /** The four (or however many) themes by count, descending, then `other` last. */
  themes: Schema.Array(ThemeSummary),
  matrix: Schema.Array(ThemeQuestionCell),
  needsReview: Schema.Array(StatementId)
}) {}

/** What a chart shows, so the report places it without guessing from its name. */
export const ChartKind = Schema.Literal("overview", "matrix", "closed", "terms", "topics", "events")
export type ChartKind = typeof ChartKind.Type

/** A chart written to disk: Vega-Lite spec, SVG and PNG side by side in `charts/`. */
export class ChartFile extends Schema.Class<ChartFile>("ChartFile")({
  /** File stem: `charts/<name>.vl.json`, `.svg`, `.png`. */
  name: Schema.String,
  title: Schema.String,
  /** A sentence for screen readers. */
  description: Schema.String,
  /** The SVG markup, for inlining in the report. */
  svg: Schema.String,
  /** Theme id when the chart belongs to one theme's section. */
  theme: Schema.optional(Schema.String),
  kind: ChartKind,
  /** For a closed question's chart: the question's index in `CategorizedResult.closedQuestions`. */
  closedQuestion: Schema.optional(Schema.Number)
}) {}
