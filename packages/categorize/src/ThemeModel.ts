import { Evidence } from "@udsagn/domain/Categorization"
import { made } from "@udsagn/domain/Made"
import type { ThemeId, ThemeSet } from "@udsagn/domain/Theme"
import { defaultModelOptions, type TrainingRow } from "./ModelData.js"
import { trainModelData } from "./Training.js"
import { categorizeWith, type PlainCategorization } from "./TextCategorizer.js"
import { ThemeScorer } from "./ThemeScorer.js"

// The model's data types live in ModelData.ts; re-exported for the callers that know them here.
export type { ThemeModelData } from "./ModelData.js"

/** Result of categorizing one text, in domain terms. */
export interface TextCategorization {
  readonly themes: readonly [ThemeId, ...Array<ThemeId>]
  readonly scores: Record<string, number>
  readonly evidence: ReadonlyArray<Evidence>
  readonly confidence: number
  readonly needsReview: boolean
}

/** A trained model in domain terms: themes, scores, evidence, confidence and the review flag. */
export class ThemeModel extends ThemeScorer {
  /** Trains on the rows (see `relevantRows`), calibrating thresholds on cross-validated predictions. */
  static train(themeSet: ThemeSet, rows: ReadonlyArray<TrainingRow>, key = "", options = defaultModelOptions): ThemeModel {
    return new ThemeModel(themeSet, trainModelData(themeSet, rows, key, options))
  }

  /** Themes, scores, evidence and confidence of one text (TextCategorizer.ts decides). */
  categorizeText(text: string): TextCategorization {
    return inDomainTerms(categorizeWith(this, text))
  }
}

/** A plain categorization (TextCategorizer.ts, or a categorizer thread's answer) as domain objects. */
export const inDomainTerms = (c: PlainCategorization): TextCategorization => ({
  themes: c.themes as readonly [ThemeId, ...Array<ThemeId>],
  scores: c.scores,
  evidence: c.evidence.map((e) => made(Evidence, { ...e, theme: e.theme as ThemeId })),
  confidence: c.confidence,
  needsReview: c.needsReview
})
