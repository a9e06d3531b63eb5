import { nfc } from "@udsagn/danish"
import { NO_BIGRAM, type Prediction, type ThemeScorer } from "./ThemeScorer.js"

// What ThemeModel.categorizeText decides for a text, in plain objects: no domain classes and so
// no Effect here, which keeps the categorizer threads (CategorizeWorker.ts) quick to start.

/** `other`: no theme applies (as `@udsagn/domain/Theme`'s OTHER, not imported here: see above). */
export const OTHER_THEME = "other"

/** An Evidence's fields. */
export interface EvidenceFields {
  readonly theme: string
  readonly match: string
  readonly term: string
  readonly weight: number
  readonly source: "lexicon" | "classifier"
}

export interface PlainCategorization {
  readonly themes: readonly [string, ...Array<string>]
  readonly scores: Record<string, number>
  readonly evidence: ReadonlyArray<EvidenceFields>
  readonly confidence: number
  readonly needsReview: boolean
}

const round = (x: number) => Math.round(x * 1000) / 1000

/** Themes, scores, evidence and confidence of one text. */
export const categorizeWith = (scorer: ThemeScorer, text: string): PlainCategorization => {
  const p = scorer.predict(text)
  const ids = p.assigned.map((t) => scorer.themeIds[t]!)
  const themes: readonly [string, ...Array<string>] = ids.length > 0 ? (ids as [string, ...Array<string>]) : [OTHER_THEME]
  const scores: Record<string, number> = {}
  scorer.themeIds.forEach((t, i) => (scores[t] = round(p.scores[i]!)))
  scores[OTHER_THEME] = round(1 - Math.max(0, ...p.scores))
  const evidence = p.assigned.flatMap((t) => evidenceOf(scorer, text, p, t))
  return { themes, scores, evidence, confidence: round(p.confidence), needsReview: p.needsReview }
}

/** The lexicon hits, then the words the classifier leaned on most, for an assigned theme. */
const evidenceOf = (scorer: ThemeScorer, text: string, p: Prediction, t: number): Array<EvidenceFields> => {
  const theme = scorer.themeIds[t]!
  const typed = nfc(text)
  const span = (first: number, last: number) => typed.slice(p.tokens[first]!.start, p.tokens[last]!.end)
  const out: Array<EvidenceFields> = []
  const covered = new Set<number>()
  for (const m of p.matches) {
    if (m.theme !== theme) continue
    for (let k = m.first; k <= m.last; k++) covered.add(k)
    out.push({ theme, match: span(m.first, m.last), term: m.term, weight: m.weight, source: "lexicon" })
  }
  // Two lexicon hits say enough; the classifier's words are added when the lexicon says less.
  if (out.length >= 2) return out
  // Each word's share of the classifier's score: its own features plus the bigram it ends,
  // normalized by the number of word and bigram features walked (one the model does not know adds 0).
  const w = scorer.models[t]!.weights
  const perToken = new Map<number, number>()
  let features = 0
  scorer.walkIds(p.tokens, (_tok, i, own, bigram) => {
    let c = 0
    for (let k = 0; k < own.ids.length; k++) c += w[own.ids[k]!]!
    features += own.ids.length + own.unknown.length
    if (bigram !== NO_BIGRAM) {
      features++
      if (bigram >= 0) c += w[bigram]!
    }
    perToken.set(i, c)
  })
  const norm = 1 / Math.sqrt(Math.max(1, features))
  const top = [...perToken]
    .filter(([i, c]) => c !== 0 && c * norm > 0.05 && !covered.has(i))
    .map(([i, c]) => [i, c * norm] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
  for (const [i, c] of top) {
    out.push({ theme, match: span(i, i), term: p.tokens[i]!.stem, weight: round(c), source: "classifier" })
  }
  return out
}
