import { Schema } from "effect"

/** One option of a closed question with its votes (choices) or average (scales). */
export class ClosedOption extends Schema.Class<ClosedOption>("ClosedOption")({
  label: Schema.String,
  votes: Schema.optional(Schema.Number),
  /** Scales: weighted average on the scale. */
  average: Schema.optional(Schema.Number),
  /** Scales: how many picked 1..n, in order. */
  distribution: Schema.optional(Schema.Array(Schema.Number))
}) {}

/** Multiple choice, scales, ranking, quiz: read as counts, never categorized. */
export class ClosedQuestion extends Schema.Class<ClosedQuestion>("ClosedQuestion")({
  title: Schema.String,
  type: Schema.Literal("choices", "scales", "ranking", "quiz"),
  session: Schema.optional(Schema.Number),
  respondents: Schema.optional(Schema.Number),
  options: Schema.Array(ClosedOption)
}) {}
