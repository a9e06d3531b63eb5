import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { KeyTerm } from "@udsagn/domain/Summary"
import { OTHER, type ThemeId, type ThemeSet } from "@udsagn/domain/Theme"
import { termTokens } from "./TermTokens.js"

/** Whether a statement carries the theme (`other` = carries no known theme). */
export const hasTheme = (s: CategorizedStatement, themeId: ThemeId): boolean =>
  s.themes.includes(themeId)

interface Term {
  /** Stem key (unigram) or two stem keys joined by a space (bigram). */
  readonly key: string
  readonly surface: string
  readonly parts: ReadonlyArray<string>
}

/** Distinct unigram and bigram terms of one statement (bigrams only within a clause). */
const termsOf = (text: string): ReadonlyArray<Term> => {
  const tokens = termTokens(text)
  const out = new Map<string, Term>()
  tokens.forEach((t, i) => {
    if (!t.content) return
    if (!out.has(t.key)) out.set(t.key, { key: t.key, surface: t.surface, parts: [t.key] })
    const next = tokens[i + 1]
    if (next !== undefined && next.content && !next.breakBefore) {
      const key = `${t.key} ${next.key}`
      if (!out.has(key)) out.set(key, { key, surface: `${t.surface} ${next.surface}`, parts: [t.key, next.key] })
    }
  })
  return [...out.values()]
}

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
  const inside = statements.filter((s) => hasTheme(s, themeId))
  if (inside.length === 0) return []
  const outsideCount = statements.length - inside.length

  const a = new Map<string, number>() // theme statements using the term
  const b = new Map<string, number>() // other statements using the term
  const forms = new Map<string, Map<string, number>>()
  const parts = new Map<string, ReadonlyArray<string>>()
  for (const s of statements) {
    const mine = hasTheme(s, themeId)
    for (const t of termsOf(s.text)) {
      const counts = mine ? a : b
      counts.set(t.key, (counts.get(t.key) ?? 0) + 1)
      if (!mine) continue
      parts.set(t.key, t.parts)
      const f = forms.get(t.key) ?? new Map<string, number>()
      f.set(t.surface, (f.get(t.surface) ?? 0) + 1)
      forms.set(t.key, f)
    }
  }

  const scored = [...a.entries()].map(([key, count]) => {
    const tf = count / inside.length
    const idf = Math.log((1 + outsideCount) / (1 + (b.get(key) ?? 0))) + 1
    return { key, count, score: tf * idf, parts: parts.get(key)! }
  })
  const byScore = (x: (typeof scored)[number], y: (typeof scored)[number]) =>
    y.score - x.score || y.count - x.count || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
  // A term one person used once is an anecdote, not a key term, unless the theme is tiny;
  // a small theme still gets a few single words so its section is not empty.
  const minUses = inside.length >= 6 ? 2 : 1
  const candidates = scored.filter((c) => c.count >= (c.parts.length > 1 ? 2 : minUses))
  const floor = Math.min(3, n)
  if (candidates.length < floor) {
    const extra = scored.filter((c) => c.parts.length === 1 && !candidates.includes(c)).sort(byScore)
    candidates.push(...extra.slice(0, floor - candidates.length))
  }

  // Drop a word that only ever occurs inside a listed phrase ("klart" in "klart sprog").
  const bigrams = candidates.filter((c) => c.parts.length > 1)
  const kept = candidates.filter(
    (c) => c.parts.length > 1 || !bigrams.some((bg) => bg.parts.includes(c.key) && bg.count >= c.count)
  )

  return kept
    .sort(byScore)
    .slice(0, n)
    .map((c) => new KeyTerm({ term: bestSurface(forms.get(c.key)!, c.key), score: round(c.score), statements: c.count }))
}
