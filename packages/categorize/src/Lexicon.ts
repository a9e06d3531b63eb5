import { FuzzyIndex, foldWord, stem, tokenize } from "@udsagn/danish"
import type { ThemeSet } from "@udsagn/domain/Theme"
import type { AnalyzedToken } from "./Analyzer.js"
import { talkTopicTokens } from "./TalkTopic.js"

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
  /** Per word key: its single-word hits and exclusion starts (a word always matches alike). */
  readonly cache: Map<string, WordHits>
}

interface WordHits {
  readonly hits: ReadonlyArray<{ readonly term: CompiledTerm; readonly via: LexiconMatch["via"] }>
  readonly phrases: ReadonlyArray<CompiledTerm> | undefined
  /** Themes a one-word exclusion rules out at this word. */
  readonly excludes: ReadonlyArray<string>
  /** Multi-word exclusions that start at this word. */
  readonly exclusionStarts: ReadonlyArray<CompiledTerm>
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
    vocabulary: [...vocabulary].filter((k) => k.length >= 3),
    cache: new Map()
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

const wordHits = (lex: CompiledLexicon, t: AnalyzedToken): WordHits => {
  const cached = lex.cache.get(t.key)
  if (cached) return cached
  const hits: Array<{ term: CompiledTerm; via: LexiconMatch["via"] }> = []
  const add = (terms: ReadonlyArray<CompiledTerm> | undefined, via: LexiconMatch["via"]) => {
    for (const term of terms ?? []) if (!hits.some((h) => h.term === term)) hits.push({ term, via })
  }
  add(lex.single.get(t.stem), "word")
  add(lex.single.get(t.key), "word")
  if (t.parts) {
    for (let p = 0; p < t.parts.length; p++) {
      add(lex.single.get(t.partStems![p]!), "compound")
      add(lex.single.get(t.parts[p]!), "compound")
    }
  }
  // A word that starts with a long term stem and goes on ("billedkatalog", "latinske") is taken
  // as that term's compound even when the rest is a word the splitter does not know.
  if (hits.length === 0 && !t.stop) {
    for (let len = Math.min(t.key.length - 3, 14); len >= 5; len--) {
      const terms = lex.single.get(t.key.slice(0, len))
      if (terms) {
        add(terms, "compound")
        break
      }
    }
  }
  // Typo tolerance only for words the model does not know: a known word is no typo.
  if (hits.length === 0 && !t.stop && !t.known && t.key.length >= 6) {
    const byStem = lex.fuzzy.lookup(t.stem)
    if (byStem) add(lex.single.get(byStem), "typo")
    const byKey = lex.fuzzy.lookup(t.key)
    if (byKey) add(lex.single.get(byKey), "typo")
  }
  const excludes: Array<string> = []
  const exclusionStarts: Array<CompiledTerm> = []
  for (const e of lex.exclusions) {
    if (e.keys.length === 1) {
      // A one-word exclusion also covers its inflections and longer compounds ("videokonsultationsforløb").
      if ((t.key.startsWith(e.keys[0]!) || t.stem === e.stems[0]) && !excludes.includes(e.theme)) excludes.push(e.theme)
    } else if (sameWord(t, e.keys[0]!, e.stems[0]!)) exclusionStarts.push(e)
  }
  const result: WordHits = { hits, phrases: lex.phrases.get(t.stem), excludes, exclusionStarts }
  if (lex.cache.size > 200_000) lex.cache.clear()
  lex.cache.set(t.key, result)
  return result
}

export interface LexiconResult {
  readonly matches: Array<LexiconMatch>
  /** Themes an exclusion phrase occurs for. */
  readonly excluded: ReadonlySet<string>
}

const NO_EXCLUSIONS: ReadonlySet<string> = new Set()

export const matchLexicon = (lex: CompiledLexicon, tokens: ReadonlyArray<AnalyzedToken>, talkTopics = false): Array<LexiconMatch> =>
  matchLexiconDetailed(lex, tokens, talkTopics).matches

/**
 * All lexicon hits of a statement, per theme, after exclusions; each token carries a theme at
 * most once (the heaviest term covering it wins), so "brænder ud" does not also count "brænde".
 */
export const matchLexiconDetailed = (lex: CompiledLexicon, tokens: ReadonlyArray<AnalyzedToken>, talkTopics = false): LexiconResult => {
  const raw: Array<LexiconMatch> = []
  // With `talkTopics`, a theme named as a talk's topic is no hit (see talkTopicTokens).
  const topic = talkTopics ? talkTopicTokens(tokens) : undefined
  let excludedAt: Map<string, Set<number>> | undefined
  const exclude = (theme: string, first: number, last: number) => {
    excludedAt ??= new Map()
    const set = excludedAt.get(theme) ?? new Set<number>()
    for (let k = first; k <= last; k++) set.add(k)
    excludedAt.set(theme, set)
  }
  for (let i = 0; i < tokens.length; i++) {
    if (topic?.has(i)) continue
    const w = wordHits(lex, tokens[i]!)
    for (const h of w.hits) raw.push({ theme: h.term.theme, term: h.term.term, weight: h.term.weight, first: i, last: i, via: h.via })
    if (w.phrases) {
      for (const p of w.phrases) {
        const last = matchPhrase(tokens, i, p)
        if (last >= 0) raw.push({ theme: p.theme, term: p.term, weight: p.weight, first: i, last, via: "phrase" })
      }
    }
    for (const theme of w.excludes) exclude(theme, i, i)
    for (const e of w.exclusionStarts) {
      const last = matchPhrase(tokens, i, e)
      if (last >= 0) exclude(e.theme, i, last)
    }
  }
  const excluded = excludedAt ? new Set(excludedAt.keys()) : NO_EXCLUSIONS
  if (raw.length === 0) return { matches: raw, excluded }
  if (raw.length > 1) raw.sort((a, b) => b.weight - a.weight || b.last - b.first - (a.last - a.first) || a.first - b.first)
  const claimed = new Map<string, Set<number>>()
  const kept: Array<LexiconMatch> = []
  for (const m of raw) {
    const blocked = excludedAt?.get(m.theme)
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
