import { plainText } from "@udsagn/danish/Normalize"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { IdCache, Interner } from "./Interner.js"
import { beginCorpus, breakBefore, formOfToken, forms, textForms } from "./TermTokens.js"

/**
 * Every statement tokenized once, for all of aggregate: key terms, quotes and proposals read
 * the same compact facts instead of each tokenizing the corpus again per theme (at 100,000
 * statements that was 6–8 passes). Terms and surface forms are interned as numbers, so a
 * statement's facts are a few small typed arrays, shared by word-for-word duplicates.
 */
export interface StatementFacts {
  /** Distinct unigram and bigram term ids, in first-seen order (bigrams only within a clause). */
  readonly terms: Int32Array
  /** Surface-form id of each term in `terms` (as the statement wrote it, first time). */
  readonly surfaces: Int32Array
  /** Content unigram term ids, repeats kept (term frequency for TF-IDF). */
  readonly content: Int32Array
  /** All tokens, content or not. */
  readonly words: number
  /** `plainText`: what word-for-word copies share. */
  readonly norm: string
  /** `norm` as a number (ids from 0 in first-seen order; equal norms, equal ids). */
  readonly normId: number
  /** `actionScore(text).score` and `isLowHangingFruit(text)`, filled in when first needed. */
  action?: number
  fruit?: boolean
}

export interface Corpus {
  readonly facts: ReadonlyArray<StatementFacts>
  /** Term key by id: a stem, or two stems joined by a space. */
  readonly termKeys: ReadonlyArray<string>
  /** Unigram ids of a term: itself, or the two words of a bigram. */
  readonly termParts: ReadonlyArray<ReadonlyArray<number>>
  readonly surfaceText: ReadonlyArray<string>
  /** Statements using each term (document frequency over all statements). */
  readonly df: Int32Array
  /** How many distinct `norm`s there are (`normId`s run from 0 to this). */
  readonly norms: number
}

const buildCorpus = (statements: ReadonlyArray<CategorizedStatement>): Corpus => {
  const terms = new Interner()
  const surfaces = new Interner()
  const termParts: Array<ReadonlyArray<number>> = []
  const termId = (key: string, parts: () => ReadonlyArray<number>) => {
    const before = terms.values.length
    const id = terms.id(key)
    if (id === before) termParts.push(parts())
    return id
  }
  // Two-word terms and forms by their words' ids: no string is built for one already seen.
  const pairs = (interner: Interner, parts?: Array<ReadonlyArray<number>>) => {
    const byFirst = new Map<number, Map<number, number>>()
    return (a: number, b: number, text: () => string): number => {
      let bySecond = byFirst.get(a)
      if (bySecond === undefined) byFirst.set(a, (bySecond = new Map()))
      let id = bySecond.get(b)
      if (id === undefined) {
        const before = interner.values.length
        id = interner.id(text())
        if (parts !== undefined && id === before) parts.push([a, b])
        bySecond.set(b, id)
      }
      return id
    }
  }
  const bigramId = pairs(terms, termParts)
  const surfacePair = pairs(surfaces)
  // Each word form's unigram id and surface id, found at its first use (a form is one surface).
  beginCorpus()
  const uniOfForm = new IdCache()
  const surfaceOfForm = new IdCache()
  const uniOf = (form: number): number => {
    let id = uniOfForm.get(form)
    if (id < 0) uniOfForm.set(form, (id = termId(forms.key[form]!, () => [terms.values.length])))
    return id
  }
  const surfaceOf = (form: number): number => {
    let id = surfaceOfForm.get(form)
    if (id < 0) surfaceOfForm.set(form, (id = surfaces.id(forms.surface[form]!)))
    return id
  }
  const byText = new Map<string, StatementFacts>()
  const norms = new Interner()
  const seen = new Set<number>()
  const factsOf = (text: string): StatementFacts => {
    const hit = byText.get(text)
    if (hit !== undefined) return hit
    const tokens = textForms(text)
    const ids: Array<number> = []
    const surf: Array<number> = []
    const content: Array<number> = []
    seen.clear()
    for (let i = 0; i < tokens.length; i++) {
      const form = formOfToken(tokens[i]!)
      if (!forms.content[form]) continue
      const uni = uniOf(form)
      content.push(uni)
      if (!seen.has(uni)) {
        seen.add(uni)
        ids.push(uni)
        surf.push(surfaceOf(form))
      }
      if (i + 1 < tokens.length && !breakBefore(tokens[i + 1]!)) {
        const nextForm = formOfToken(tokens[i + 1]!)
        if (!forms.content[nextForm]) continue
        const nextId = uniOf(nextForm)
        const bi = bigramId(uni, nextId, () => `${forms.key[form]} ${forms.key[nextForm]}`)
        if (!seen.has(bi)) {
          seen.add(bi)
          ids.push(bi)
          surf.push(surfacePair(surfaceOf(form), surfaceOf(nextForm), () => `${forms.surface[form]} ${forms.surface[nextForm]}`))
        }
      }
    }
    const norm = plainText(text)
    const facts: StatementFacts = {
      terms: Int32Array.from(ids),
      surfaces: Int32Array.from(surf),
      content: Int32Array.from(content),
      words: tokens.length,
      norm,
      normId: norms.id(norm)
    }
    byText.set(text, facts)
    return facts
  }
  const facts = statements.map((s) => factsOf(s.text))
  const df = new Int32Array(terms.values.length)
  for (const f of facts) for (const id of f.terms) if (termParts[id]!.length === 1) df[id]!++
  return { facts, termKeys: terms.values, termParts, surfaceText: surfaces.values, df, norms: norms.values.length }
}

// aggregate and the single-theme functions it exports ask for the same statements: build once.
const cache = new WeakMap<ReadonlyArray<CategorizedStatement>, Corpus>()

/**
 * Up to this many statements, the last corpus built is kept for the next list with the same texts
 * in the same order: a saved correction changes themes, not words, so the web app's next save
 * counts with the words it has (one corpus, so a server's memory stays small).
 */
export const REUSE_UP_TO = 20_000
let last: { readonly texts: ReadonlyArray<string>; readonly corpus: Corpus } | undefined

/** Whether two lists have the same texts in the same order (mostly the very same strings: quick). */
export const sameTexts = (texts: ReadonlyArray<string>, statements: ReadonlyArray<{ readonly text: string }>): boolean => {
  if (texts.length !== statements.length) return false
  for (let i = 0; i < texts.length; i++) if (texts[i] !== statements[i]!.text) return false
  return true
}

/** The corpus of a list of statements (facts in the list's order), built once per list of texts. */
export const corpusOf = (statements: ReadonlyArray<CategorizedStatement>): Corpus => {
  let corpus = cache.get(statements)
  if (corpus === undefined) {
    if (last !== undefined && sameTexts(last.texts, statements)) corpus = last.corpus
    else {
      corpus = buildCorpus(statements)
      last = statements.length <= REUSE_UP_TO ? { texts: statements.map((s) => s.text), corpus } : undefined
    }
    // Kept for later calls on the same list only up to REUSE_UP_TO statements: a large run asks
    // once (aggregate), and its corpus should not stay in memory for the rest of the run.
    if (statements.length <= REUSE_UP_TO) cache.set(statements, corpus)
  }
  return corpus
}
