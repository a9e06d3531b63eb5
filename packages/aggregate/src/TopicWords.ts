import { CompoundSplitter } from "@udsagn/danish/Compound"
import { foldWord } from "@udsagn/danish/Normalize"
import { stem } from "@udsagn/danish/Stem"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import type { ThemeSet } from "@udsagn/domain/Theme"
import { termTokens } from "./TermTokens.js"

/**
 * The words of every statement as sub-topics and candidate themes see them, built in one pass
 * over the corpus (each statement tokenized once). A statement's keys are the Snowball stems of
 * its content words (æøå folded, so "forstaa" meets "forstå"), plus the parts of its compounds
 * ("tolkebistand" also counts as "tolk", "brevskabeloner" as "brev") and, for a longer form of a
 * known word, that word ("tolkning" as "tolk").
 */
export interface StatementWords {
  /** Distinct keys, in first-seen order. */
  readonly keys: ReadonlyArray<string>
  /** All words of the statement (stop words included). */
  readonly length: number
  /** Words as typed (lower case), for judging how cleanly the statement is written. */
  readonly lower: ReadonlyArray<string>
}

export interface TopicCorpus {
  readonly byId: ReadonlyMap<string, StatementWords>
  /** Statements (of all) that carry each key. */
  readonly df: ReadonlyMap<string, number>
  /** How each key was written, with counts (for labels in the participants' own spelling). */
  readonly forms: ReadonlyMap<string, ReadonlyMap<string, number>>
  /** How often each lower-case word occurs in the whole corpus. */
  readonly wordCount: ReadonlyMap<string, number>
  /** Folded keys that someone wrote with æ, ø or å. */
  readonly danishSpelt: ReadonlySet<string>
  /** Keys of each theme's label words. */
  readonly labelKeys: ReadonlyMap<string, ReadonlySet<string>>
  /** Keys of the theme file's one-word terms. */
  readonly themeTermKeys: ReadonlyMap<string, ReadonlySet<string>>
  readonly total: number
}

const MIN_PART = 4

const cache = new WeakMap<ReadonlyArray<CategorizedStatement>, TopicCorpus>()

/** The corpus of one analysis, built once (cached on the statements array). */
export const topicCorpus = (statements: ReadonlyArray<CategorizedStatement>, themeSet: ThemeSet): TopicCorpus => {
  const hit = cache.get(statements)
  if (hit !== undefined) return hit
  const built = buildCorpus(statements, themeSet)
  cache.set(statements, built)
  return built
}

interface Raw {
  readonly id: string
  readonly content: ReadonlyArray<{ readonly folded: string; readonly key: string; readonly surface: string }>
  readonly lower: ReadonlyArray<string>
}

const buildCorpus = (statements: ReadonlyArray<CategorizedStatement>, themeSet: ThemeSet): TopicCorpus => {
  const raws: Array<Raw> = []
  const foldedCount = new Map<string, number>()
  const wordCount = new Map<string, number>()
  const danishSpelt = new Set<string>()
  const forms = new Map<string, Map<string, number>>()
  const foldedOf = new Map<string, string>()
  for (const s of statements) {
    const tokens = termTokens(s.text)
    const content: Array<{ folded: string; key: string; surface: string }> = []
    const lower: Array<string> = []
    for (const t of tokens) {
      lower.push(t.lower)
      wordCount.set(t.lower, (wordCount.get(t.lower) ?? 0) + 1)
      if (!t.content) continue
      let folded = foldedOf.get(t.lower)
      if (folded === undefined) {
        folded = foldWord(t.lower)
        if (foldedOf.size > 200_000) foldedOf.clear()
        foldedOf.set(t.lower, folded)
      }
      if (/[æøå]/.test(t.lower)) danishSpelt.add(folded)
      foldedCount.set(folded, (foldedCount.get(folded) ?? 0) + 1)
      // Snowball with danish's å-verb rule, so "forstår" meets "forstå" and "forståelse".
      const key = stem(folded)
      content.push({ folded, key, surface: t.surface })
      const f = forms.get(key) ?? new Map<string, number>()
      f.set(t.surface, (f.get(t.surface) ?? 0) + 1)
      forms.set(key, f)
    }
    raws.push({ id: s.id, content, lower })
  }

  // Parts a compound may be made of: words used more than once, and the theme file's words.
  const themeTermKeys = new Map<string, Set<string>>()
  const labelKeys = new Map<string, Set<string>>()
  const termWords: Array<string> = []
  for (const theme of themeSet.themes) {
    const keys = new Set<string>()
    for (const { term } of theme.terms) {
      for (const w of term.split(/[\s/]+/u)) {
        const folded = foldWord(w.replace(/[^\p{L}-]/gu, ""))
        if (folded.length < 3) continue
        termWords.push(folded)
        keys.add(stem(folded))
      }
    }
    themeTermKeys.set(theme.id, keys)
    const label = new Set<string>()
    for (const w of theme.label.split(/[^\p{L}]+/u)) if (w.length >= 3) label.add(stem(foldWord(w)))
    labelKeys.set(theme.id, label)
  }
  const partWords = [...foldedCount.entries()].filter(([w, n]) => n >= 2 && w.length >= MIN_PART).map(([w]) => w)
  partWords.push(...termWords.filter((w) => w.length >= MIN_PART))
  // A compound's first part is the bare word, which people may only have written inflected:
  // "borgerinddragelse" starts with "borger", written as "borgerne" and "borgere".
  const bare = new Set<string>()
  for (const w of partWords) {
    const stripped = w.replace(/(?:erne|ene|ne|en|et|e)$/u, "")
    if (stripped.length >= MIN_PART && stripped !== w) bare.add(stripped)
  }
  partWords.push(...bare)
  const splitter = new CompoundSplitter(partWords, MIN_PART)
  const known = new Set(partWords.map((w) => stem(w)))

  const extraKeys = new Map<string, ReadonlyArray<string>>()
  const extrasOf = (folded: string, key: string): ReadonlyArray<string> => {
    const cached = extraKeys.get(folded)
    if (cached !== undefined) return cached
    const out: Array<string> = []
    const parts = splitter.split(folded)
    if (parts !== undefined) {
      for (const p of parts) if (p.length >= MIN_PART) out.push(stem(p))
    } else {
      // "tolkning" → "tolk": the longest known word it starts with, leaving at least three letters.
      for (let end = folded.length - 3; end >= MIN_PART; end--) {
        const prefix = folded.slice(0, end)
        if (known.has(prefix) && prefix !== key) {
          out.push(prefix)
          break
        }
      }
    }
    // Only parts people also wrote as words of their own, so a label never reads "anim".
    const result = out.filter((k) => k !== key && k.length >= MIN_PART && forms.has(k))
    if (extraKeys.size > 200_000) extraKeys.clear()
    extraKeys.set(folded, result)
    return result
  }

  const byId = new Map<string, StatementWords>()
  const df = new Map<string, number>()
  for (const r of raws) {
    const keys = new Set<string>()
    for (const c of r.content) {
      keys.add(c.key)
      for (const k of extrasOf(c.folded, c.key)) keys.add(k)
    }
    for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1)
    byId.set(r.id, { keys: [...keys], length: r.lower.length, lower: r.lower })
  }
  return { byId, df, forms, wordCount, danishSpelt, themeTermKeys, labelKeys, total: statements.length }
}

const danish = (form: string) => (/[æøå]/i.test(form) ? 1 : 0)

/** The way most people wrote a key (the æøå spelling over the phone spelling), or the key itself. */
export const surfaceOf = (corpus: TopicCorpus, key: string): string => {
  const forms = corpus.forms.get(key)
  if (forms === undefined || forms.size === 0) return key
  return [...forms.entries()].sort(
    (a, b) => danish(b[0]) - danish(a[0]) || b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
  )[0]![0]
}
