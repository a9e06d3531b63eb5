import { defaultFeatureOptions, type FeatureOptions } from "./Features.js"
import type { ReviewModelData } from "./ReviewModel.js"

/** A labelled statement: a row of `data/training/statements.csv` or a theme example. */
export interface TrainingRow {
  readonly id: string
  readonly question?: string | undefined
  readonly text: string
  readonly themes: ReadonlyArray<string>
}

export interface ModelOptions {
  readonly features: FeatureOptions
  readonly l2: number
  readonly iterations: number
  /** Value of the per-theme lexicon-score feature per unit of term weight. */
  readonly lexScale: number
  /** Lexicon scores are capped here before scaling (three strong terms say no more than two). */
  readonly lexCap: number
  /** Features seen in fewer training statements are dropped. */
  readonly minCount: number
  /** Folds for the cross-validated predictions the thresholds are calibrated on. */
  readonly folds: number
  /** Below this many labelled statements a theme is assigned by a strong lexicon hit alone. */
  readonly thinThemeRows: number
  /** needsReview when the margin is below this, for models too small to fit a review model. */
  readonly reviewBelow: number
  /** Read an unknown word as the known word it is one or two typos from. */
  readonly typoCorrection?: boolean
  /** Cross-validation runs (different fold splits) the thresholds are calibrated on together. */
  readonly calibrationRepeats?: number
  /** No lexicon hits in the topic of a talk ("godt oplæg om brugerinddragelse"; see TalkTopic.ts). */
  readonly talkTopics?: boolean
}

export const defaultModelOptions: ModelOptions = {
  features: defaultFeatureOptions,
  l2: 0.001,
  iterations: 100,
  lexScale: 0.6,
  lexCap: 3,
  minCount: 2,
  folds: 5,
  thinThemeRows: 20,
  reviewBelow: 0.3,
  typoCorrection: true,
  calibrationRepeats: 3,
  talkTopics: true
}

/**
 * Version of the model code: what turns text into features and weights (this package and the
 * word handling of `@udsagn/danish`). Bump it when that code changes what a model is, so a
 * model.json built by older code is never used (see the README, "Model file").
 */
export const MODEL_VERSION = 6

/** What `data/training/model.json` holds: everything needed to categorize without retraining. */
export interface ThemeModelData {
  readonly version: number
  /** Hash of the theme set, the training data and MODEL_VERSION (see `modelKey`). */
  readonly key: string
  readonly options: ModelOptions
  readonly themes: ReadonlyArray<string>
  /** Folded words the compound splitter knows as parts. */
  readonly parts: ReadonlyArray<string>
  readonly vocabulary: ReadonlyArray<string>
  /** Per theme: one weight per vocabulary feature, then one per theme's lexicon score. */
  readonly weights: ReadonlyArray<ReadonlyArray<number>>
  readonly bias: ReadonlyArray<number>
  readonly thresholds: ReadonlyArray<number>
  /** Themes with too few labelled statements: a lexicon score ≥ 1 assigns them. */
  readonly lexiconAssigns: ReadonlyArray<boolean>
  readonly trainingRows: number
  /** The fitted confidence and review threshold; absent when the training data is too small. */
  readonly review?: ReviewModelData
}
