import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import type { StatementId } from "@udsagn/domain/Statement"
import type { ThemeId } from "@udsagn/domain/Theme"
import { hasTheme } from "./KeyTerms.js"
import { plainText } from "@udsagn/danish/Normalize"
import { termTokens } from "./TermTokens.js"

type Vector = ReadonlyMap<string, number>

const cosine = (x: Vector, y: Vector): number => {
  let dot = 0
  const [small, large] = x.size <= y.size ? [x, y] : [y, x]
  for (const [k, v] of small) dot += v * (large.get(k) ?? 0)
  return dot // vectors are unit length
}

const unit = (v: Map<string, number>): Map<string, number> => {
  let norm = 0
  for (const x of v.values()) norm += x * x
  norm = Math.sqrt(norm)
  if (norm > 0) for (const [k, x] of v) v.set(k, x / norm)
  return v
}

// aggregate asks for every theme's quotes over the same statements: build the vectors once.
const vectorCache = new WeakMap<ReadonlyArray<CategorizedStatement>, ReadonlyMap<StatementId, Vector>>()

/** Unit TF-IDF vectors of statements over their content-word stems (idf over all statements). */
export const tfidfVectors = (
  statements: ReadonlyArray<CategorizedStatement>
): ReadonlyMap<StatementId, Vector> => {
  const cached = vectorCache.get(statements)
  if (cached !== undefined) return cached
  const vectors = buildVectors(statements)
  vectorCache.set(statements, vectors)
  return vectors
}

const buildVectors = (statements: ReadonlyArray<CategorizedStatement>): ReadonlyMap<StatementId, Vector> => {
  const keys = new Map<StatementId, ReadonlyArray<string>>()
  const df = new Map<string, number>()
  for (const s of statements) {
    const ks = termTokens(s.text).filter((t) => t.content).map((t) => t.key)
    keys.set(s.id, ks)
    for (const k of new Set(ks)) df.set(k, (df.get(k) ?? 0) + 1)
  }
  const n = statements.length
  const out = new Map<StatementId, Vector>()
  for (const [id, ks] of keys) {
    const v = new Map<string, number>()
    for (const k of ks) v.set(k, (v.get(k) ?? 0) + 1)
    for (const [k, tf] of v) v.set(k, tf * (Math.log((n + 1) / ((df.get(k) ?? 0) + 1)) + 1))
    out.set(id, unit(v))
  }
  return out
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
  const inside = statements.filter((s) => hasTheme(s, themeId))
  if (inside.length === 0 || n <= 0) return []
  const vectors = tfidfVectors(statements)

  // The centroid counts every voice, duplicates included.
  const centroid = new Map<string, number>()
  for (const s of inside) for (const [k, x] of vectors.get(s.id)!) centroid.set(k, (centroid.get(k) ?? 0) + x)
  unit(centroid)

  const seen = new Set<string>()
  const unique = inside.filter((s) => {
    if (s.duplicateOf !== undefined) return false
    const norm = plainText(s.text)
    if (norm === "" || seen.has(norm)) return false
    seen.add(norm)
    return true
  })
  // Statements flagged for review are quoted only when nothing surer exists.
  const sure = unique.filter((s) => !s.needsReview)
  const pool = sure.length >= Math.min(3, n) ? sure : unique

  const central = pool.map((s) => cosine(vectors.get(s.id)!, centroid))
  // A loop, not Math.max(...central): spreading 120,000+ arguments overflows the stack.
  const maxCentral = central.reduce((m, c) => (c > m ? c : m), 1e-9)
  // A person's correction says nothing about how typical the statement is: it counts with the
  // pool's usual confidence, neither preferred (as a sure 100 %) nor held back.
  const machine = pool.filter((s) => !s.overridden)
  const usual = machine.length > 0 ? machine.reduce((n, s) => n + s.confidence, 0) / machine.length : 0.5
  const relevance = new Map<StatementId, number>()
  pool.forEach((s, i) => {
    const words = termTokens(s.text).length
    const conf = Math.min(1, Math.max(0, s.overridden ? usual : s.confidence))
    relevance.set(s.id, quoteQuality(s.text, words) * (0.6 * (central[i]! / maxCentral) + 0.4 * conf))
  })

  const chosen: Array<CategorizedStatement> = []
  const left = [...pool]
  while (chosen.length < n && left.length > 0) {
    let best = 0
    let bestValue = -Infinity
    left.forEach((s, i) => {
      const v = vectors.get(s.id)!
      const redundancy = chosen.reduce((m, c) => Math.max(m, cosine(v, vectors.get(c.id)!)), 0)
      const value = lambda * relevance.get(s.id)! - (1 - lambda) * redundancy
      // Ties fall to input order, so the result is deterministic.
      if (value > bestValue + 1e-12) {
        bestValue = value
        best = i
      }
    })
    chosen.push(left.splice(best, 1)[0]!)
  }
  return chosen.map((s) => s.id)
}
