import { Schema } from "effect"
import { ThemeNotes } from "./Notes.js"
import { StatementId } from "./Statement.js"
import { ThemeId } from "./Theme.js"

export class Quote extends Schema.Class<Quote>("Quote")({
  statementId: StatementId,
  text: Schema.String,
  question: Schema.String
}) {}

/** A proposed action, traced to the statements it was drawn from. */
export class Action extends Schema.Class<Action>("Action")({
  text: Schema.String,
  statementIds: Schema.Array(StatementId),
  lowHangingFruit: Schema.Boolean
}) {}

/**
 * A draft recommendation for one sub-topic of a theme: the participants' own proposals, merged
 * when several said the same (an action's `statementIds` are everyone who proposed it), most
 * proposed first.
 */
export class TopicRecommendation extends Schema.Class<TopicRecommendation>("TopicRecommendation")({
  /** The sub-topic's label (topics.json). */
  label: Schema.String,
  /** The recommendation in the participants' words: the most proposed proposal, with its count. */
  text: Schema.String,
  /** How many statements made a proposal in this sub-topic. */
  supporters: Schema.Number,
  /** Statements of the sub-topic. */
  statementCount: Schema.Number,
  proposals: Schema.Array(Action),
  statementIds: Schema.Array(StatementId)
}) {}

/** A draft recommendation to the health councils for one theme (UDKAST). */
export class Recommendation extends Schema.Class<Recommendation>("Recommendation")({
  theme: ThemeId,
  themeLabel: Schema.String,
  headline: Schema.String,
  rationale: Schema.String,
  statementCount: Schema.Number,
  share: Schema.Number,
  questions: Schema.Array(Schema.String),
  quotes: Schema.Array(Quote),
  actions: Schema.Array(Action),
  lowHangingFruit: Schema.Array(Action),
  statementIds: Schema.Array(StatementId),
  /** One recommendation per sub-topic with proposals, most supported first (older drafts: none). */
  topics: Schema.optionalWith(Schema.Array(TopicRecommendation), { default: () => [] })
}) {}

export class RecommendationsDraft extends Schema.Class<RecommendationsDraft>("RecommendationsDraft")({
  status: Schema.Literal("UDKAST"),
  event: Schema.String,
  generatedFrom: Schema.String,
  recommendations: Schema.Array(Recommendation),
  discussion: Schema.Array(Schema.String),
  /** Per theme, the paragraphs from talks and table discussions (`--notes`) that back its recommendation. */
  notes: Schema.optional(Schema.Array(ThemeNotes))
}) {}
