import { Schema } from "effect"

export const ThemeId = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  Schema.brand("ThemeId")
)
export type ThemeId = typeof ThemeId.Type

/** The id used for statements that carry no theme. */
export const OTHER = "other" as ThemeId

export class WeightedTerm extends Schema.Class<WeightedTerm>("WeightedTerm")({
  /** A word, word stem or multi-word phrase, in Danish as people write it. */
  term: Schema.String,
  weight: Schema.Number
}) {}

export class Theme extends Schema.Class<Theme>("Theme")({
  id: ThemeId,
  label: Schema.String,
  description: Schema.String,
  /** Fixed chart colour (hex); a colour-blind-safe palette by default. */
  color: Schema.optional(Schema.String),
  terms: Schema.Array(WeightedTerm),
  /** Phrases that rule this theme out even when its terms occur. */
  exclusions: Schema.Array(Schema.String),
  /** Example statements written by the project (not from evaluation data). */
  examples: Schema.Array(Schema.String)
}) {}

/** A theme file: the themes of one conference. `other` is implicit when absent. */
export class ThemeSet extends Schema.Class<ThemeSet>("ThemeSet")({
  name: Schema.String,
  language: Schema.optionalWith(Schema.String, { default: () => "da" }),
  /** Danish label of the catch-all theme. */
  otherLabel: Schema.optionalWith(Schema.String, { default: () => "Andet" }),
  themes: Schema.Array(Theme)
}) {}
