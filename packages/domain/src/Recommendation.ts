import { Schema } from "effect"
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
  statementIds: Schema.Array(StatementId)
}) {}

export class RecommendationsDraft extends Schema.Class<RecommendationsDraft>("RecommendationsDraft")({
  status: Schema.Literal("UDKAST"),
  event: Schema.String,
  generatedFrom: Schema.String,
  recommendations: Schema.Array(Recommendation),
  discussion: Schema.Array(Schema.String)
}) {}
