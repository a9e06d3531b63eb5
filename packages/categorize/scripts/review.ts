// How honest the confidence is and what needsReview catches, on 5-fold cross-validation of the
// training data (every fold model trained and calibrated without its test statements) and on
// gold files: reliability table, review curve, and each review signal on its own.
// npx tsx packages/categorize/scripts/review.ts [gold.csv ...]   (CV=0 skips the cross-validation)
import { OTHER } from "@udsagn/domain/Theme"
import type { TrainingRow } from "../src/ModelData.js"
import { calibrationError, labelSetRight, reliabilityTable, reviewCurve, type ScoredPrediction } from "../src/Reliability.js"
import { withinReviewBudget, type ReviewSignals } from "../src/ReviewModel.js"
import { ThemeModel } from "../src/ThemeModel.js"
import { foldOf } from "../src/Training.js"
import { loadModel, loadThemeSet, loadTrainingRows, readGold } from "./load.js"

interface Row extends ScoredPrediction {
  readonly signals: ReviewSignals
}

const score = (model: ThemeModel, rows: ReadonlyArray<TrainingRow>): Array<Row> => {
  const ids = new Set(model.themeIds)
  const scored = rows.map((r) => {
    const c = model.categorizeText(r.text)
    const p = model.predict(r.text)
    const gold = r.themes.filter((t) => ids.has(t))
    return { id: r.id, text: r.text, gold: gold.length > 0 ? gold : [OTHER], predicted: c.themes, confidence: c.confidence, needsReview: c.needsReview, signals: p.signals }
  })
  // One batch, as the Categorizer sees an upload: the same review budget.
  const keep = withinReviewBudget(scored)
  return scored.map((r, i) => ({ ...r, needsReview: keep.has(i) }))
}

/** Area under the ROC curve of `suspicion` for finding the wrong statements (0.5 = chance). */
const auc = (rows: ReadonlyArray<Row>, suspicion: (r: Row) => number): number => {
  const wrong = rows.filter((r) => !labelSetRight(r)).map(suspicion)
  const right = rows.filter(labelSetRight).map(suspicion)
  let s = 0
  for (const w of wrong) for (const r of right) s += w > r ? 1 : w === r ? 0.5 : 0
  return wrong.length * right.length === 0 ? 0.5 : s / (wrong.length * right.length)
}

const signals: Array<[string, (r: Row) => number]> = [
  ["confidence (fitted)", (r) => -r.confidence],
  ["margin to a threshold", (r) => -r.signals.margin],
  ["lexicon names an unassigned theme", (r) => r.signals.lexiconMissed],
  ["assigned without a lexicon hit", (r) => r.signals.classifierOnly],
  ["no lexicon hit at all", (r) => (r.signals.noLexicon ? 1 : 0)],
  ["predicted other", (r) => (r.signals.predictedOther ? 1 : 0)],
  ["share of unknown words", (r) => r.signals.unknownShare],
  ["few words", (r) => -r.signals.words],
  ["several labels", (r) => r.signals.labels]
]

const pct = (x: number) => `${(100 * x).toFixed(1)} %`
let reviewBelow: number | undefined
const report = (title: string, rows: ReadonlyArray<Row>, labels: ReadonlyArray<string>) => {
  const wrong = rows.filter((r) => !labelSetRight(r)).length
  console.log(`\n## ${title}: ${rows.length} statements, ${wrong} with a wrong label set`)
  const bins = reliabilityTable(rows)
  console.log("confidence     n   right  mean conf")
  for (const b of bins) console.log(`${b.from.toFixed(2)}–${b.to.toFixed(2)}  ${String(b.n).padStart(4)}  ${pct(b.correct).padStart(7)}  ${b.meanConfidence.toFixed(3)}`)
  console.log(`calibration error (ECE) ${calibrationError(bins).toFixed(3)}`)
  for (const p of reviewCurve(rows, labels)) console.log(`fix ${p.fix.padEnd(16)} ${pct(p.share).padStart(7)}: macro-F1 ${p.macroF1.toFixed(3)}`)
  const flagged = rows.filter((r) => r.needsReview)
  const overBudget = rows.filter((r) => r.confidence < (reviewBelow ?? 0)).length
  if (overBudget > flagged.length) console.log(`below the review threshold ${overBudget} (${pct(overBudget / rows.length)}); the review budget keeps the ${flagged.length} least confident`)
  console.log(`flagged ${flagged.length} (${pct(flagged.length / rows.length)}), of them wrong ${flagged.filter((r) => !labelSetRight(r)).length} of ${wrong} wrong`)
  const old = rows.map((r) => ({ ...r, needsReview: r.signals.margin < 0.3 }))
  const oldFlagged = old.filter((r) => r.needsReview).length
  console.log(`before the review model (margin < 0.3): flagged ${pct(oldFlagged / rows.length)}, macro-F1 after fixing them ${reviewCurve(old, labels, [])[1]!.macroF1.toFixed(3)}`)
  console.log("signal (alone)                          AUC   macro-F1 after fixing its top 20 %")
  for (const [name, f] of signals) {
    // Ties within a signal broken by the margin.
    const order = rows.map((r, i) => [f(r), -r.signals.margin, i] as const).sort((a, b) => b[0] - a[0] || b[1] - a[1] || a[2] - b[2])
    const top = new Set(order.slice(0, Math.round(0.2 * rows.length)).map(([, , i]) => i))
    const f1 = reviewCurve(rows.map((r, i) => ({ ...r, needsReview: top.has(i) })), labels, [])[1]!.macroF1
    console.log(`${name.padEnd(38)} ${auc(rows, f).toFixed(3)}  ${f1.toFixed(3)}`)
  }
}

const themeSet = loadThemeSet()
const labels = [...themeSet.themes.map((t) => t.id as string), OTHER]
if (process.env.CV !== "0") {
  const data = loadTrainingRows()
  const folds = 5
  const rows: Array<Row> = []
  for (let k = 0; k < folds; k++) {
    const model = ThemeModel.train(themeSet, data.filter((_, i) => foldOf(i, folds) !== k))
    rows.push(...score(model, data.filter((_, i) => foldOf(i, folds) === k)))
  }
  report(`5-fold cross-validation of the training data (${data.length} rows)`, rows, labels)
}
const args = process.argv.slice(2)
if (args.length > 0) {
  const { model } = loadModel()
  reviewBelow = model.data.review?.reviewBelow
  for (const file of args) report(file, score(model, readGold(file, "review.ts [gold.csv ...]")), labels)
}
