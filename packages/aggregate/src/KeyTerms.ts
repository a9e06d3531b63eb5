import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { KeyTerm } from "@udsagn/domain/Summary"
import { OTHER, type ThemeId, type ThemeSet } from "@udsagn/domain/Theme"
import { type Corpus, corpusOf } from "./Corpus.js"

/** Whether a statement carries the theme (`other` = carries no known theme). */
export const hasTheme = (s: CategorizedStatement, themeId: ThemeId): boolean =>
  s.themes.includes(themeId)

/**
 * The most used way of writing a term. Ties go to a whole word over the bare stem
 * ("inddrage" over "inddrag", which reads as an order), then the shorter, then alphabetical.
 */
const bestSurface = (forms: ReadonlyMap<string, number>, key: string): string => {
  const bare = (form: string) => (form.toLowerCase() === key ? 1 : 0)
  // The Danish spelling ("forstå") over the phone spelling ("forstaa") it was grouped with.
  const danish = (form: string) => (/[æøå]/i.test(form) ? 1 : 0)
  return [...forms.entries()].sort(
    (a, b) =>
      danish(b[0]) - danish(a[0]) || b[1] - a[1] || bare(a[0]) - bare(b[0]) || a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
  )[0]![0]
}

const round = (x: number, digits = 4): number => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

/** Statements using each term, over all statements (`uses[id]`). */
export const termUses = (corpus: Corpus): Int32Array => {
  const uses = new Int32Array(corpus.termKeys.length)
  const terms = corpus.terms
  for (const f of corpus.facts) for (let k = f.termsAt; k < f.termsAt + f.termCount; k++) uses[terms[k]!]!++
  return uses
}

/** Per term, how many of the given statements (indexes into the corpus) use it. */
export const termCounts = (corpus: Corpus, inside: ReadonlyArray<number>): Int32Array => {
  const counts = new Int32Array(corpus.termKeys.length)
  const terms = corpus.terms
  for (const i of inside) {
    const f = corpus.facts[i]!
    for (let k = f.termsAt; k < f.termsAt + f.termCount; k++) counts[terms[k]!]!++
  }
  return counts
}

/**
 * Key terms from counts already made: `inside` the theme's statement indexes, `a` its term
 * counts, `uses` every statement's. Linear in the number of terms (no term is compared with
 * every other: a word is dropped for a phrase through the most any phrase with it was used).
 */
export const keyTermsOf = (
  corpus: Corpus,
  inside: ReadonlyArray<number>,
  a: Int32Array,
  uses: Int32Array,
  n: number
): ReadonlyArray<KeyTerm> => {
  if (inside.length === 0) return []
  const outsideCount = corpus.facts.length - inside.length
  const scored: Array<{ id: number; key: string; count: number; score: number; bigram: boolean }> = []
  for (let id = 0; id < a.length; id++) {
    const count = a[id]!
    if (count === 0) continue
    const tf = count / inside.length
    const idf = Math.log((1 + outsideCount) / (1 + (uses[id]! - count))) + 1
    scored.push({ id, key: corpus.termKeys[id]!, count, score: tf * idf, bigram: corpus.termParts[id]!.length > 1 })
  }
  type Scored = (typeof scored)[number]
  const byScore = (x: Scored, y: Scored) => y.score - x.score || y.count - x.count || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
  // A term one person used once is an anecdote, not a key term, unless the theme is tiny;
  // a small theme still gets a few single words so its section is not empty.
  const minUses = inside.length >= 6 ? 2 : 1
  const candidates = scored.filter((c) => c.count >= (c.bigram ? 2 : minUses))
  const floor = Math.min(3, n)
  if (candidates.length < floor) {
    const taken = new Set(candidates)
    const extra = scored.filter((c) => !c.bigram && !taken.has(c)).sort(byScore)
    candidates.push(...extra.slice(0, floor - candidates.length))
  }

  // Drop a word that only ever occurs inside a listed phrase ("klart" in "klart sprog").
  const inPhrase = new Map<number, number>()
  for (const c of candidates) {
    if (!c.bigram) continue
    for (const part of corpus.termParts[c.id]!) inPhrase.set(part, Math.max(inPhrase.get(part) ?? 0, c.count))
  }
  const top = candidates
    .filter((c) => c.bigram || (inPhrase.get(c.id) ?? -1) < c.count)
    .sort(byScore)
    .slice(0, n)

  // Surface forms only for the terms shown.
  const forms = new Map<number, Map<string, number>>(top.map((c) => [c.id, new Map()]))
  for (const i of inside) {
    const f = corpus.facts[i]!
    for (let k = f.termsAt; k < f.termsAt + f.termCount; k++) {
      const m = forms.get(corpus.terms[k]!)
      if (m === undefined) continue
      const surface = corpus.surfaceText[corpus.surfaces[k]!]!
      m.set(surface, (m.get(surface) ?? 0) + 1)
    }
  }
  return top.map((c) => new KeyTerm({ term: bestSurface(forms.get(c.id)!, c.key), score: round(c.score), statements: c.count }))
}

/**
 * The words and phrases that set a theme apart: TF-IDF of the theme's statements against
 * the statements outside it. tf = share of the theme's statements that use the term;
 * idf = ln((1 + outside) / (1 + outside statements using it)) + 1, so a term used all over
 * the conference sinks and one the theme owns rises. Terms are grouped by Danish stem and
 * shown in the form people wrote most often.
 */
export const keyTerms = (
  statements: ReadonlyArray<CategorizedStatement>,
  themeId: ThemeId,
  themeSet: ThemeSet,
  n = 8
): ReadonlyArray<KeyTerm> => {
  if (themeId !== OTHER && !themeSet.themes.some((t) => t.id === themeId)) return []
  const corpus = corpusOf(statements)
  const inside: Array<number> = []
  statements.forEach((s, i) => {
    if (hasTheme(s, themeId)) inside.push(i)
  })
  return keyTermsOf(corpus, inside, termCounts(corpus, inside), termUses(corpus), n)
}
