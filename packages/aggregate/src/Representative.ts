import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import type { StatementId } from "@udsagn/domain/Statement"
import type { ThemeId } from "@udsagn/domain/Theme"
import { type Corpus, corpusOf } from "./Corpus.js"
import { hasTheme } from "./KeyTerms.js"

type Vector = ReadonlyMap<number, number>

const cosine = (x: Vector, y: Vector): number => {
  let dot = 0
  const [small, large] = x.size <= y.size ? [x, y] : [y, x]
  for (const [k, v] of small) dot += v * (large.get(k) ?? 0)
  return dot // vectors are unit length
}

/**
 * Statement `i`'s unit TF-IDF vector over its content-word stems (idf over all statements), into
 * `keys` and `values` (its terms in the order they first occur), returning its length. `tf` is a
 * scratch array over the term ids, left all zero.
 */
const unitVector = (corpus: Corpus, i: number, tf: Float64Array, keys: Array<number>, values: Array<number>): number => {
  const n = corpus.facts.length
  const { contentAt, contentCount } = corpus.facts[i]!
  const content = corpus.content
  let m = 0
  for (let c = contentAt; c < contentAt + contentCount; c++) {
    const k = content[c]!
    if (tf[k] === 0) keys[m++] = k
    tf[k]!++
  }
  let norm = 0
  for (let j = 0; j < m; j++) {
    const k = keys[j]!
    const x = tf[k]! * (Math.log((n + 1) / (corpus.df[k]! + 1)) + 1)
    tf[k] = 0
    values[j] = x
    norm += x * x
  }
  norm = Math.sqrt(norm)
  if (norm > 0) for (let j = 0; j < m; j++) values[j] = values[j]! / norm
  return m
}

// A scratch array over each corpus's term ids, for `vectorOf`.
const scratch = new WeakMap<Corpus, Float64Array>()

/** `unitVector` as a Map from term id to weight. */
const vectorOf = (corpus: Corpus, i: number): Map<number, number> => {
  let tf = scratch.get(corpus)
  if (tf === undefined) scratch.set(corpus, (tf = new Float64Array(corpus.termKeys.length)))
  const keys: Array<number> = []
  const values: Array<number> = []
  const m = unitVector(corpus, i, tf, keys, values)
  const v = new Map<number, number>()
  for (let j = 0; j < m; j++) v.set(keys[j]!, values[j]!)
  return v
}

/** Unit TF-IDF vectors of statements over their content-word stems (idf over all statements). */
export const tfidfVectors = (
  statements: ReadonlyArray<CategorizedStatement>
): ReadonlyMap<StatementId, ReadonlyMap<string, number>> => {
  const corpus = corpusOf(statements)
  return new Map(
    statements.map((s, i) => [s.id, new Map([...vectorOf(corpus, i)].map(([k, x]) => [corpus.termKeys[k]!, x]))])
  )
}

/**
 * How well a statement reads as a quote of what people said: a thought, not a single word;
 * not too long; a statement rather than a question to the panel; no masked contact details.
 */
const quoteQuality = (text: string, words: number): number =>
  (words < 3 ? 0.35 : words < 5 ? 0.7 : words > 60 ? 0.8 : 1) *
  (/\?\s*$/.test(text) ? 0.7 : 1) *
  (/\[(?:CPR|telefon|e-mail)\]/i.test(text) ? 0.4 : 1)

/**
 * Quotes for a theme from its statements (`inside`: indexes into the corpus, in input order).
 * See `representativeStatements`. The centroid is a dense array over the term ids; a candidate's
 * vector is built only when it can still win (candidates are tried by relevance, and one whose
 * relevance cannot beat the best value found stops the round), so a theme of 100,000
 * statements costs one pass, not one per quote.
 */
export const representativeOf = (
  corpus: Corpus,
  statements: ReadonlyArray<CategorizedStatement>,
  inside: ReadonlyArray<number>,
  n = 5,
  lambda = 0.5
): ReadonlyArray<StatementId> => {
  if (inside.length === 0 || n <= 0) return []
  // The centroid counts every voice, duplicates included.
  const centroid = new Float64Array(corpus.termKeys.length)
  const touched = new Set<number>()
  const tf = new Float64Array(corpus.termKeys.length)
  const keys: Array<number> = []
  const values: Array<number> = []
  for (const i of inside) {
    const m = unitVector(corpus, i, tf, keys, values)
    for (let j = 0; j < m; j++) {
      centroid[keys[j]!]! += values[j]!
      touched.add(keys[j]!)
    }
  }
  let norm = 0
  for (const k of touched) norm += centroid[k]! * centroid[k]!
  norm = Math.sqrt(norm)
  if (norm > 0) for (const k of touched) centroid[k]! /= norm

  const seen = new Set<string>()
  const unique = inside.filter((i) => {
    const s = statements[i]!
    if (s.duplicateOf !== undefined) return false
    const plain = corpus.facts[i]!.norm
    if (plain === "" || seen.has(plain)) return false
    seen.add(plain)
    return true
  })
  // Statements flagged for review are quoted only when nothing surer exists.
  const sure = unique.filter((i) => !statements[i]!.needsReview)
  const pool = sure.length >= Math.min(3, n) ? sure : unique

  const central = pool.map((i) => {
    const m = unitVector(corpus, i, tf, keys, values)
    let dot = 0
    for (let j = 0; j < m; j++) dot += values[j]! * centroid[keys[j]!]!
    return dot
  })
  // A loop, not Math.max(...central): spreading 120,000+ arguments overflows the stack.
  const maxCentral = central.reduce((m, c) => (c > m ? c : m), 1e-9)
  // A person's correction says nothing about how typical the statement is: it counts with the
  // pool's usual confidence, neither preferred (as a sure 100 %) nor held back.
  const machine = pool.filter((i) => !statements[i]!.overridden)
  const usual = machine.length > 0 ? machine.reduce((n, i) => n + statements[i]!.confidence, 0) / machine.length : 0.5
  const relevance = pool.map((i, p) => {
    const s = statements[i]!
    const conf = Math.min(1, Math.max(0, s.overridden ? usual : s.confidence))
    return quoteQuality(s.text, corpus.facts[i]!.words) * (0.6 * (central[p]! / maxCentral) + 0.4 * conf)
  })

  // Maximal marginal relevance. Candidates by relevance (ties: input order); redundancy is
  // never negative, so once λ·relevance falls below the best value no later candidate can win.
  const order = pool.map((_, p) => p).sort((x, y) => relevance[y]! - relevance[x]! || x - y)
  const vectors = new Map<number, Vector>()
  const vector = (p: number) => {
    let v = vectors.get(p)
    if (v === undefined) {
      v = vectorOf(corpus, pool[p]!)
      vectors.set(p, v)
    }
    return v
  }
  const chosen: Array<number> = []
  const taken = new Set<number>()
  while (chosen.length < n && taken.size < pool.length) {
    let best = -1
    let bestValue = -Infinity
    for (const p of order) {
      if (taken.has(p)) continue
      const bound = lambda * relevance[p]!
      if (bound < bestValue - 1e-12) break
      const v = vector(p)
      const redundancy = chosen.reduce((m, c) => Math.max(m, cosine(v, vector(c))), 0)
      const value = bound - (1 - lambda) * redundancy
      // Ties fall to input order, so the result is deterministic.
      if (value > bestValue + 1e-12 || (value >= bestValue - 1e-12 && p < best)) {
        bestValue = value
        best = p
      }
    }
    chosen.push(best)
    taken.add(best)
  }
  return chosen.map((p) => statements[pool[p]!]!.id)
}

/**
 * 3-5 statements that show what a theme is about, best first: close to the theme's centroid
 * (TF-IDF), confidently categorized, readable as a quote, never a duplicate of another, and
 * diverse (maximal marginal relevance, so five ways of saying the same thing do not crowd
 * out the rest).
 */
export const representativeStatements = (
  statements: ReadonlyArray<CategorizedStatement>,
  themeId: ThemeId,
  n = 5,
  lambda = 0.5
): ReadonlyArray<StatementId> => {
  const inside: Array<number> = []
  statements.forEach((s, i) => {
    if (hasTheme(s, themeId)) inside.push(i)
  })
  if (inside.length === 0 || n <= 0) return []
  return representativeOf(corpusOf(statements), statements, inside, n, lambda)
}
