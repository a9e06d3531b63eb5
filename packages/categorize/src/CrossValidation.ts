import type { ThemeSet } from "@udsagn/domain/Theme"
import { OTHER } from "@udsagn/domain/Theme"
import { evaluatePredictions, type EvaluationReport } from "./Evaluation.js"
import { defaultModelOptions, type ModelOptions, type TrainingRow } from "./ModelData.js"
import type { ScoredPrediction } from "./Reliability.js"
import { withinReviewBudget } from "./ReviewModel.js"
import { ThemeModel } from "./ThemeModel.js"
import { foldOf } from "./Training.js"

export interface CrossValidationResult {
  readonly folds: number
  readonly report: EvaluationReport
  readonly predictions: ReadonlyArray<ScoredPrediction>
}

/**
 * k-fold cross-validation of the whole training procedure (vocabulary, compound parts, model,
 * and threshold calibration on inner folds): each training statement is categorized by a model
 * that never saw it. Theme examples stay in every training fold; only data rows are held out.
 */
export const crossValidate = (
  themeSet: ThemeSet,
  rows: ReadonlyArray<TrainingRow>,
  folds = 5,
  options: ModelOptions = defaultModelOptions
): CrossValidationResult => {
  const ids = new Set<string>(themeSet.themes.map((t) => t.id))
  const data = rows
  const predictions: Array<ScoredPrediction> = []
  for (let k = 0; k < folds; k++) {
    const train = data.filter((_, i) => foldOf(i, folds) !== k)
    const test = data.filter((_, i) => foldOf(i, folds) === k)
    const model = ThemeModel.train(themeSet, train, "", options)
    const fold = test.map((r): ScoredPrediction => {
      const gold = r.themes.filter((t) => ids.has(t))
      const c = model.categorizeText(r.text)
      return { id: r.id, text: r.text, gold: gold.length > 0 ? gold : [OTHER], predicted: c.themes, confidence: c.confidence, needsReview: c.needsReview }
    })
    // Each fold is a batch, as an upload is for the Categorizer (same review budget).
    const keep = withinReviewBudget(fold)
    predictions.push(...fold.map((p, i) => (p.needsReview && !keep.has(i) ? { ...p, needsReview: false } : p)))
  }
  const labels = [...themeSet.themes.map((t) => t.id as string), OTHER]
  return { folds, report: evaluatePredictions(predictions, labels), predictions }
}
