import { nfc } from "@udsagn/danish"
import { Evidence } from "@udsagn/domain/Categorization"
import { OTHER, type ThemeId, type ThemeSet } from "@udsagn/domain/Theme"
import { defaultModelOptions, type TrainingRow } from "./ModelData.js"
import { trainModelData } from "./Training.js"
import { ThemeScorer, type Prediction } from "./ThemeScorer.js"

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

const round = (x: number) => Math.round(x * 1000) / 1000

/** A trained model in domain terms: themes, scores, evidence, confidence and the review flag. */
export class ThemeModel extends ThemeScorer {
  /** Trains on the rows (see `relevantRows`), calibrating thresholds on cross-validated predictions. */
  static train(themeSet: ThemeSet, rows: ReadonlyArray<TrainingRow>, key = "", options = defaultModelOptions): ThemeModel {
    return new ThemeModel(themeSet, trainModelData(themeSet, rows, key, options))
  }

  /** Themes, scores, evidence and confidence of one text. */
  categorizeText(text: string): TextCategorization {
    const p = this.predict(text)
    const ids = p.assigned.map((t) => this.themeIds[t]! as ThemeId)
    const themes: readonly [ThemeId, ...Array<ThemeId>] = ids.length > 0 ? (ids as [ThemeId, ...Array<ThemeId>]) : [OTHER]
    const scores: Record<string, number> = {}
    this.themeIds.forEach((t, i) => (scores[t] = round(p.scores[i]!)))
    scores[OTHER] = round(1 - Math.max(0, ...p.scores))
    const evidence = p.assigned.flatMap((t) => this.evidence(text, p, t))
    return {
      themes,
      scores,
      evidence,
      confidence: round(p.confidence),
      needsReview: p.needsReview
    }
  }

  /** The lexicon hits, then the words the classifier leaned on most, for an assigned theme. */
  private evidence(text: string, p: Prediction, t: number): Array<Evidence> {
    const theme = this.themeIds[t]! as ThemeId
    const typed = nfc(text)
    const span = (first: number, last: number) => typed.slice(p.tokens[first]!.start, p.tokens[last]!.end)
    const out: Array<Evidence> = []
    const covered = new Set<number>()
    for (const m of p.matches) {
      if (m.theme !== theme) continue
      for (let k = m.first; k <= m.last; k++) covered.add(k)
      out.push(new Evidence({ theme, match: span(m.first, m.last), term: m.term, weight: m.weight, source: "lexicon" }, true))
    }
    // Two lexicon hits say enough; the classifier's words are added when the lexicon says less.
    if (out.length >= 2) return out
    // Each word's share of the classifier's score: its own features plus the bigram it ends,
    // normalized by the number of word and bigram features walked.
    const w = this.models[t]!.weights
    const perToken = new Map<number, number>()
    let features = 0
    const credit = (f: string, i: number) => {
      features++
      const idx = this.index.get(f)
      perToken.set(i, (perToken.get(i) ?? 0) + (idx === undefined ? 0 : w[idx]!))
    }
    this.extractor.walk(p.tokens, {
      word: (_tok, i, names) => {
        perToken.set(i, 0)
        for (const f of names) credit(f, i)
      },
      bigram: credit
    })
    const norm = 1 / Math.sqrt(Math.max(1, features))
    const top = [...perToken]
      .filter(([i, c]) => c !== 0 && c * norm > 0.05 && !covered.has(i))
      .map(([i, c]) => [i, c * norm] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
    for (const [i, c] of top) {
      out.push(new Evidence({ theme, match: span(i, i), term: p.tokens[i]!.stem, weight: round(c), source: "classifier" }, true))
    }
    return out
  }
}
