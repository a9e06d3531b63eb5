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
  /** 1 when left out: one such word in a statement is enough for a theme without training data. */
  weight: Schema.optionalWith(Schema.Number, { default: () => 1 })
}) {}

/** A term as a theme file may write it: `{ "term", "weight"? }` or just the word. */
export const TermEntry = Schema.Union(
  WeightedTerm,
  Schema.transform(Schema.String, Schema.typeSchema(WeightedTerm), {
    strict: true,
    decode: (term) => new WeightedTerm({ term, weight: 1 }),
    encode: (t) => t.term
  })
)

/**
 * One theme. Only `id` and `label` are required in a file: a theme with a few words works (the
 * categorizer assigns a theme without training data by its words; see categorize's README).
 */
export class Theme extends Schema.Class<Theme>("Theme")({
  id: ThemeId,
  label: Schema.String,
  description: Schema.optionalWith(Schema.String, { default: () => "" }),
  /** Fixed chart colour (hex); a colour-blind-safe palette by default. */
  color: Schema.optional(Schema.String),
  terms: Schema.optionalWith(Schema.Array(TermEntry), { default: () => [] }),
  /** Phrases that rule this theme out even when its terms occur. */
  exclusions: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }),
  /** Example statements written by the project (not from evaluation data). */
  examples: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }),
  /**
   * Words that mean the same within the theme, one set each ("tidspres", "travlhed", "for
   * travlt"): a statement using any of them counts as using the set when the theme's statements
   * are grouped into sub-topics. Not used to categorize (the model's key leaves them out).
   */
  synonyms: Schema.optionalWith(Schema.Array(Schema.Array(Schema.String)), { default: () => [] })
}) {}

/** A theme file: the themes of one conference. `other` is implicit when absent. */
export class ThemeSet extends Schema.Class<ThemeSet>("ThemeSet")({
  name: Schema.optionalWith(Schema.String, { default: () => "Egne temaer" }),
  language: Schema.optionalWith(Schema.String, { default: () => "da" }),
  /** Danish label of the catch-all theme. */
  otherLabel: Schema.optionalWith(Schema.String, { default: () => "Andet" }),
  themes: Schema.Array(Theme)
}) {}
