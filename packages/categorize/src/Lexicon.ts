import { FuzzyIndex, foldWord, stem, tokenize } from "@udsagn/danish"
import type { ThemeSet } from "@udsagn/domain/Theme"
import type { AnalyzedToken } from "./Analyzer.js"

/** A theme term or exclusion, run through the same normalization as statements. */
interface CompiledTerm {
  readonly theme: string
  readonly term: string
  readonly weight: number
  readonly keys: ReadonlyArray<string>
  readonly stems: ReadonlyArray<string>
}

export interface CompiledLexicon {
  readonly themes: ReadonlyArray<string>
  /** Single-word terms by stem and by key. */
  readonly single: ReadonlyMap<string, ReadonlyArray<CompiledTerm>>
  /** Multi-word phrases by the stem of their first word. */
  readonly phrases: ReadonlyMap<string, ReadonlyArray<CompiledTerm>>
  readonly exclusions: ReadonlyArray<CompiledTerm>
  readonly fuzzy: FuzzyIndex
  /** Every folded word of the lexicon: compound parts for the splitter. */
  readonly vocabulary: ReadonlyArray<string>
}

/** One lexicon hit in a statement. */
export interface LexiconMatch {
  readonly theme: string
  readonly term: string
  readonly weight: number
  /** Indexes of the tokens it covers (first..last). */
  readonly first: number
  readonly last: number
  readonly via: "word" | "compound" | "typo" | "phrase"
}

const compile = (theme: string, term: string, weight: number): CompiledTerm | undefined => {
  const keys = tokenize(term).map((t) => t.key)
  if (keys.length === 0) return undefined
  return { theme, term, weight, keys, stems: keys.map(stem) }
}

const push = <K, V>(map: Map<K, Array<V>>, key: K, value: V) => {
  const list = map.get(key)
  if (list) {
    if (!list.includes(value)) list.push(value)
  } else map.set(key, [value])
}

export const compileLexicon = (themeSet: ThemeSet): CompiledLexicon => {
  const single = new Map<string, Array<CompiledTerm>>()
  const phrases = new Map<string, Array<CompiledTerm>>()
  const exclusions: Array<CompiledTerm> = []
  const vocabulary = new Set<string>()
  const fuzzyTerms: Array<string> = []
  for (const theme of themeSet.themes) {
    for (const { term, weight } of theme.terms) {
      const c = compile(theme.id, term, weight)
      if (!c) continue
      c.keys.forEach((k) => vocabulary.add(k))
      if (c.keys.length === 1) {
        push(single, c.stems[0]!, c)
        push(single, c.keys[0]!, c)
        fuzzyTerms.push(c.stems[0]!, c.keys[0]!)
      } else push(phrases, c.stems[0]!, c)
    }
    for (const e of theme.exclusions) {
      const c = compile(theme.id, e, 0)
      if (c) exclusions.push(c)
    }
  }
  return {
    themes: themeSet.themes.map((t) => t.id),
    single,
    phrases,
    exclusions,
    fuzzy: new FuzzyIndex(fuzzyTerms),
    vocabulary: [...vocabulary].filter((k) => k.length >= 3)
  }
}

const sameWord = (t: AnalyzedToken, key: string, stemmed: string) => t.stem === stemmed || t.key === key

/** Inside a phrase a compound also counts by its head, the last part ("frontpersonalet" ~ "personalet"). */
const phraseWord = (t: AnalyzedToken, key: string, stemmed: string) =>
  sameWord(t, key, stemmed) || (t.partStems !== undefined && t.partStems[t.partStems.length - 1] === stemmed)

/** Matches a phrase starting at token i, allowing one extra word between its words. */
const matchPhrase = (tokens: ReadonlyArray<AnalyzedToken>, i: number, p: CompiledTerm): number => {
  let pos = i
  for (let k = 1; k < p.keys.length; k++) {
    let found = -1
    for (let j = pos + 1; j <= pos + 2 && j < tokens.length; j++) {
      if (phraseWord(tokens[j]!, p.keys[k]!, p.stems[k]!)) {
        found = j
        break
      }
    }
    if (found < 0) return -1
    pos = found
  }
  return pos
}

/** Token indexes an exclusion covers for its theme ("videokonsultation" blocks "video" there). */
const excludedTokens = (lex: CompiledLexicon, tokens: ReadonlyArray<AnalyzedToken>): Map<string, Set<number>> => {
  const out = new Map<string, Set<number>>()
  for (const e of lex.exclusions) {
    const head = e.keys[0]!.slice(0, 3)
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      // Cheap reject first: every way of matching needs the first letters (or the stem) to agree.
      if (!t.key.startsWith(head) && t.stem !== e.stems[0]) continue
      let last = -1
      if (e.keys.length === 1) {
        if (t.key.startsWith(e.keys[0]!) || t.stem === e.stems[0]) last = i
      } else if (sameWord(t, e.keys[0]!, e.stems[0]!)) last = matchPhrase(tokens, i, e)
      if (last < 0) continue
      const set = out.get(e.theme) ?? new Set<number>()
      for (let k = i; k <= last; k++) set.add(k)
      out.set(e.theme, set)
    }
  }
  return out
}

/**
 * All lexicon hits of a statement, per theme, after exclusions; each token carries a theme at
 * most once (the heaviest term covering it wins), so "brænder ud" does not also count "brænde".
 */
export interface LexiconResult {
  readonly matches: Array<LexiconMatch>
  /** Themes an exclusion phrase occurs for. */
  readonly excluded: ReadonlySet<string>
}

const NO_EXCLUSIONS: ReadonlySet<string> = new Set()

export const matchLexicon = (lex: CompiledLexicon, tokens: ReadonlyArray<AnalyzedToken>): Array<LexiconMatch> =>
  matchLexiconDetailed(lex, tokens).matches

export const matchLexiconDetailed = (lex: CompiledLexicon, tokens: ReadonlyArray<AnalyzedToken>): LexiconResult => {
  const raw: Array<LexiconMatch> = []
  const seen: Array<CompiledTerm> = []
  const add = (terms: ReadonlyArray<CompiledTerm> | undefined, i: number, via: LexiconMatch["via"]) => {
    if (terms === undefined) return
    for (let k = 0; k < terms.length; k++) {
      const c = terms[k]!
      if (seen.includes(c)) continue
      seen.push(c)
      raw.push({ theme: c.theme, term: c.term, weight: c.weight, first: i, last: i, via })
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    seen.length = 0
    add(lex.single.get(t.stem), i, "word")
    add(lex.single.get(t.key), i, "word")
    if (t.parts) {
      for (let p = 0; p < t.parts.length; p++) {
        add(lex.single.get(t.partStems![p]!), i, "compound")
        add(lex.single.get(t.parts[p]!), i, "compound")
      }
    }
    if (seen.length === 0 && !t.stop && !t.known && t.key.length >= 6) {
      const byStem = lex.fuzzy.lookup(t.stem)
      if (byStem) add(lex.single.get(byStem), i, "typo")
      const byKey = lex.fuzzy.lookup(t.key)
      if (byKey) add(lex.single.get(byKey), i, "typo")
    }
    const phrases = lex.phrases.get(t.stem)
    if (phrases) {
      for (const p of phrases) {
        const last = matchPhrase(tokens, i, p)
        if (last >= 0) raw.push({ theme: p.theme, term: p.term, weight: p.weight, first: i, last, via: "phrase" })
      }
    }
  }
  const excludedByTheme = lex.exclusions.length > 0 ? excludedTokens(lex, tokens) : undefined
  const excluded = excludedByTheme && excludedByTheme.size > 0 ? new Set(excludedByTheme.keys()) : NO_EXCLUSIONS
  if (raw.length === 0) return { matches: raw, excluded }
  raw.sort((a, b) => b.weight - a.weight || b.last - b.first - (a.last - a.first) || a.first - b.first)
  const claimed = new Map<string, Set<number>>()
  const kept: Array<LexiconMatch> = []
  for (const m of raw) {
    const blocked = excludedByTheme?.get(m.theme)
    const mine = claimed.get(m.theme) ?? new Set<number>()
    let free = false
    let hitsExclusion = false
    for (let k = m.first; k <= m.last; k++) {
      if (blocked?.has(k)) hitsExclusion = true
      if (!mine.has(k)) free = true
    }
    if (hitsExclusion || !free) continue
    for (let k = m.first; k <= m.last; k++) mine.add(k)
    claimed.set(m.theme, mine)
    kept.push(m)
  }
  return { matches: kept, excluded }
}

/** Sum of kept term weights per theme. */
export const lexiconScores = (themes: ReadonlyArray<string>, matches: ReadonlyArray<LexiconMatch>): Array<number> => {
  const out = themes.map(() => 0)
  for (const m of matches) {
    const i = themes.indexOf(m.theme)
    if (i >= 0) out[i]! += m.weight
  }
  return out
}

/** Folded key of a lexicon term (for tests and tools). */
export const termKey = (term: string) => tokenize(term).map((t) => foldWord(t.text)).join(" ")
