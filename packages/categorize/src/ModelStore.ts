import { fileURLToPath } from "node:url"
import { Either, Schema } from "effect"
import { modelPath as defaultModelPath } from "@udsagn/domain/Paths"
import type { ThemeSet } from "@udsagn/domain/Theme"
import type { ThemeModelData, TrainingRow } from "./ModelData.js"
import { modelKey, themeSetJson } from "./ModelKey.js"
import { REVIEW_FEATURES } from "./ReviewModel.js"
import { ThemeModel } from "./ThemeModel.js"
import { parseLabeledCsv } from "./TrainingData.js"

/** Precomputed model for the default theme set (`pnpm --filter @udsagn/categorize build-model`). */
/** The default model file (the configured one: `DataLocations.modelFile`). */
export const modelPath = defaultModelPath
export const buildModelScript = fileURLToPath(new URL("../scripts/build-model.ts", import.meta.url))

const Numbers = Schema.Array(Schema.Number)
const FeatureOptionsSchema = Schema.Struct({
  charNgrams: Numbers,
  bigrams: Schema.Boolean,
  classes: Schema.optionalWith(Schema.Boolean, { exact: true }),
  norm: Schema.optionalWith(Schema.Number, { exact: true })
})

/** The shape of model.json, checked before use (a hand-edited or truncated file is retrained, not trusted). */
export const ThemeModelDataSchema = Schema.Struct({
  version: Schema.Number,
  key: Schema.String,
  options: Schema.Struct({
    features: FeatureOptionsSchema,
    l2: Schema.Number,
    iterations: Schema.Number,
    lexScale: Schema.Number,
    lexCap: Schema.Number,
    minCount: Schema.Number,
    folds: Schema.Number,
    thinThemeRows: Schema.Number,
    reviewBelow: Schema.Number,
    typoCorrection: Schema.optionalWith(Schema.Boolean, { exact: true }),
    calibrationRepeats: Schema.optionalWith(Schema.Number, { exact: true }),
    talkTopics: Schema.optionalWith(Schema.Boolean, { exact: true })
  }),
  themes: Schema.Array(Schema.String),
  parts: Schema.Array(Schema.String),
  vocabulary: Schema.Array(Schema.String),
  weights: Schema.Array(Numbers),
  bias: Numbers,
  thresholds: Numbers,
  lexiconAssigns: Schema.Array(Schema.Boolean),
  trainingRows: Schema.Number,
  review: Schema.optionalWith(
    Schema.Struct({
      features: Schema.Array(Schema.String),
      weights: Numbers,
      bias: Schema.Number,
      reviewBelow: Schema.Number,
      flaggedShare: Schema.Number
    }),
    { exact: true }
  )
})

/** Decodes model.json text; undefined (retrain) when it is not a model file. */
export const decodeStoredModel = (text: string): ThemeModelData | undefined => {
  if (text.length === 0) return undefined
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return undefined
  }
  const decoded = Schema.decodeUnknownEither(ThemeModelDataSchema)(json)
  if (Either.isLeft(decoded)) return undefined
  const d = decoded.right
  // Consistent shapes only: one weight row per theme, one weight per feature and theme.
  const width = d.vocabulary.length + d.themes.length
  const ok =
    d.weights.length === d.themes.length &&
    d.weights.every((w) => w.length === width) &&
    d.bias.length === d.themes.length &&
    d.thresholds.length === d.themes.length &&
    d.lexiconAssigns.length === d.themes.length &&
    (d.review === undefined ||
      (d.review.features.join() === REVIEW_FEATURES.join() && d.review.weights.length === REVIEW_FEATURES.length))
  return ok ? d : undefined
}

/**
 * The model for a theme set and training csv: the stored one when its key matches the inputs
 * (fast start-up), else trained now. Pure apart from the caller's I/O.
 */
export const modelFor = (
  themeSet: ThemeSet,
  trainingCsv: string,
  stored: ThemeModelData | undefined,
  cache?: ReadonlyMap<string, ThemeModel>
): { model: ThemeModel; key: string; fromStore: boolean } => {
  const key = modelKey(themeSetJson(themeSet), trainingCsv)
  const cached = cache?.get(key)
  if (cached) return { model: cached, key, fromStore: true }
  if (stored && stored.key === key) return { model: new ThemeModel(themeSet, stored), key, fromStore: true }
  const rows: ReadonlyArray<TrainingRow> = trainingCsv.length > 0 ? parseLabeledCsv(trainingCsv).rows : []
  return { model: ThemeModel.train(themeSet, rows, key), key, fromStore: false }
}
