import { plainText } from "@udsagn/danish/Normalize"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { IdCache, Interner, IntList } from "./Interner.js"
import { beginCorpus, breakBefore, formOfToken, forms, textForms } from "./TermTokens.js"

/**
 * Every statement tokenized once, for all of aggregate: key terms, quotes and proposals read
 * the same compact facts instead of each tokenizing the corpus again per theme (at 100,000
 * statements that was 6–8 passes). Terms and surface forms are interned as numbers, and every
 * text's are kept end to end in a few arrays of the corpus: a statement's facts are where its
 * own are (offsets), shared by word-for-word duplicates.
 */
export interface StatementFacts {
  /**
   * Its distinct unigram and bigram term ids, in first-seen order (bigrams only within a clause):
   * `Corpus.terms` from `termsAt`, `termCount` of them. `Corpus.surfaces` at the same places has
   * each term's surface-form id (as the statement wrote it, first time).
   */
  readonly termsAt: number
  readonly termCount: number
  /** Its content unigram term ids, repeats kept (term frequency for TF-IDF): `Corpus.content` from `contentAt`. */
  readonly contentAt: number
  readonly contentCount: number
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
  /** Every distinct text's terms end to end (see `StatementFacts.termsAt`): one array, not one per text. */
  readonly terms: Int32Array
  /** The surface-form id of each term in `terms`, at the same place. */
  readonly surfaces: Int32Array
  /** Every distinct text's content unigram ids end to end (see `StatementFacts.contentAt`). */
  readonly content: Int32Array
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
  const allTerms = new IntList()
  const allSurfaces = new IntList()
  const allContent = new IntList()
  // The terms met in the text at hand, marked with its number (texts are numbered from 1).
  const seen = new IdCache()
  let textNo = 0
  const see = (id: number): boolean => {
    if (seen.get(id) === textNo) return false
    seen.set(id, textNo)
    return true
  }
  const factsOf = (text: string): StatementFacts => {
    const hit = byText.get(text)
    if (hit !== undefined) return hit
    const tokens = textForms(text)
    const termsAt = allTerms.length
    const contentAt = allContent.length
    textNo++
    for (let i = 0; i < tokens.length; i++) {
      const form = formOfToken(tokens[i]!)
      if (!forms.content[form]) continue
      const uni = uniOf(form)
      allContent.push(uni)
      if (see(uni)) {
        allTerms.push(uni)
        allSurfaces.push(surfaceOf(form))
      }
      if (i + 1 < tokens.length && !breakBefore(tokens[i + 1]!)) {
        const nextForm = formOfToken(tokens[i + 1]!)
        if (!forms.content[nextForm]) continue
        const nextId = uniOf(nextForm)
        const bi = bigramId(uni, nextId, () => `${forms.key[form]} ${forms.key[nextForm]}`)
        if (see(bi)) {
          allTerms.push(bi)
          allSurfaces.push(surfacePair(surfaceOf(form), surfaceOf(nextForm), () => `${forms.surface[form]} ${forms.surface[nextForm]}`))
        }
      }
    }
    const norm = plainText(text)
    const facts: StatementFacts = {
      termsAt,
      termCount: allTerms.length - termsAt,
      contentAt,
      contentCount: allContent.length - contentAt,
      words: tokens.length,
      norm,
      normId: norms.id(norm)
    }
    byText.set(text, facts)
    return facts
  }
  const facts = statements.map((s) => factsOf(s.text))
  const termList = allTerms.done()
  const df = new Int32Array(terms.values.length)
  for (const f of facts) {
    for (let k = f.termsAt; k < f.termsAt + f.termCount; k++) {
      const id = termList[k]!
      if (termParts[id]!.length === 1) df[id]!++
    }
  }
  return {
    facts,
    terms: termList,
    surfaces: allSurfaces.done(),
    content: allContent.done(),
    termKeys: terms.values,
    termParts,
    surfaceText: surfaces.values,
    df,
    norms: norms.values.length
  }
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
