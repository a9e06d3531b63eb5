import { CompoundSplitter } from "@udsagn/danish/Compound"
import { lemmaOf } from "@udsagn/danish/Irregular"
import { boundedMemo } from "@udsagn/danish/Memo"
import { foldWord } from "@udsagn/danish/Normalize"
import { stem } from "@udsagn/danish/Stem"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import type { ThemeSet } from "@udsagn/domain/Theme"
import { REUSE_UP_TO, sameTexts } from "./Corpus.js"
import { IdCache, Interner, IntList } from "./Interner.js"
import { beginCorpus, formOfToken, forms as formTable, termTokens, textForms } from "./TermTokens.js"

/**
 * The words of every statement as sub-topics and candidate themes see them, built in one pass
 * over the corpus (each statement tokenized once). A statement's keys are the Snowball stems of
 * its content words (æøå folded, so "forstaa" meets "forstå"), plus the parts of its compounds
 * ("tolkebistand" also counts as "tolk", "brevskabeloner" as "brev"), for a longer form of a
 * known word, that word ("tolkning" as "tolk"), irregular verbs by their infinitive ("spurgt" as
 * "spørge"), and, for a statement that uses a word or phrase of one of a theme's sets of words
 * that mean the same (`synonyms` in the theme file: "tidspres", "travlhed", "for travlt"), the
 * set's key, so the set can mark off a sub-topic as one word would.
 */
export interface StatementWords {
  /** Its distinct keys, in first-seen order, as numbers (into `TopicCorpus.keyText`): for counting in typed arrays. */
  readonly ids: Int32Array
  /** All words of the statement (stop words included). */
  readonly length: number
  /**
   * Where its words are in `TopicCorpus.words` (`length` of them from here): each word as typed
   * (lower case), for judging how cleanly the statement is written.
   */
  readonly wordsAt: number
  /** Keys of the synonym sets the statement uses (apart from `ids`, which are its words'). */
  readonly synonyms?: ReadonlyArray<string>
  /** `synonyms` as numbers. */
  readonly synonymIds?: Int32Array
  /** The words or phrases, as typed, by which the statement uses each synonym set it uses. */
  readonly synonymForms?: ReadonlyArray<readonly [key: string, form: string, member: number]>
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
  /** Keys of each theme's sets of words that mean the same (`≈<theme>#<n>`). */
  readonly synonymKeys: ReadonlyMap<string, ReadonlySet<string>>
  /** The words of each set as the theme file writes them, by the set's key. */
  readonly synonymWords: ReadonlyMap<string, ReadonlyArray<string>>
  /** Keys of the one-word members of each theme's sets: the set stands for them. */
  readonly synonymMemberKeys: ReadonlyMap<string, ReadonlySet<string>>
  readonly total: number
  /** Each key by its number (`StatementWords.ids` run from 0 to its length). */
  readonly keyText: ReadonlyArray<string>
  /** Every distinct text's words end to end (see `StatementWords.wordsAt`), as numbers into `wordText`. */
  readonly words: Int32Array
  /** Each word (lower case, as typed) by its number. */
  readonly wordText: ReadonlyArray<string>
}

const MIN_PART = 4

const cache = new WeakMap<ReadonlyArray<CategorizedStatement>, TopicCorpus>()

// The last corpus built, for the next list with the same statements (ids and texts) and theme
// set: a saved correction changes themes, not words (see Corpus.ts's REUSE_UP_TO).
let last: { readonly ids: ReadonlyArray<string>; readonly texts: ReadonlyArray<string>; readonly themeSet: ThemeSet; readonly corpus: TopicCorpus } | undefined

const sameStatements = (ids: ReadonlyArray<string>, statements: ReadonlyArray<CategorizedStatement>) => {
  for (let i = 0; i < ids.length; i++) if (ids[i] !== statements[i]!.id) return false
  return true
}

/** The corpus of one analysis, built once (cached on the statements array, and for the same statements and theme set). */
export const topicCorpus = (statements: ReadonlyArray<CategorizedStatement>, themeSet: ThemeSet): TopicCorpus => {
  const hit = cache.get(statements)
  if (hit !== undefined) return hit
  let corpus: TopicCorpus
  if (last !== undefined && last.themeSet === themeSet && sameTexts(last.texts, statements) && sameStatements(last.ids, statements)) {
    corpus = last.corpus
  } else {
    corpus = buildCorpus(statements, themeSet)
    last = statements.length <= REUSE_UP_TO
      ? { ids: statements.map((s) => s.id), texts: statements.map((s) => s.text), themeSet, corpus }
      : undefined
  }
  cache.set(statements, corpus)
  return corpus
}

/** What one text gives (a statement's text; word-for-word copies share it). */
interface Raw {
  /** How many statements have the text. */
  readonly copies: number
  /** Its content words, as ids of `Form`s (repeats kept, in order). */
  readonly content: ReadonlyArray<number>
  /** Where its words are in the corpus's `words`, and how many. */
  readonly wordsAt: number
  readonly length: number
  /** The synonym sets' words and phrases the statement uses as written: key, form, member. */
  readonly phraseHits?: ReadonlyArray<readonly [string, string, number]>
}

/**
 * A word as written (its surface form, which also fixes its lower case), with what the corpus
 * needs of it: found once per corpus, so each word of each text is one look-up and a count.
 */
interface Form {
  readonly surface: string
  readonly lower: string
  readonly content: boolean
  readonly folded: string
  readonly key: string
  /** Written with æ, ø or å. */
  readonly danish: boolean
  /** The numbers of its key and its compound parts' keys (`extrasOf`), and the synonym sets it is a compound of, once needed. */
  keyIds?: ReadonlyArray<number>
  hits?: ReadonlyArray<SynonymPhrase>
}

/** A word or phrase of a synonym set, as the stems of its words. */
interface SynonymPhrase {
  readonly key: string
  readonly stems: ReadonlyArray<string>
  /** Its place in the set (the theme file lists a set's head word first). */
  readonly member: number
  /** A one-word member, folded: also the head of a compound ("trivsel" in "medarbejdertrivsel"). */
  readonly folded?: string
}

/** The shortest modifier before a member that is a compound's head ("arbejds" + "tid"). */
const MIN_MODIFIER = 4
/** Inflection after a compound's head: "arbejdspres-set", "ventetid-en". */
const MAX_ENDING = 3

/** The key of a set of words that mean the same: no stem has "≈" or "#". */
export const synonymKey = (theme: string, index: number): string => `≈${theme}#${index}`

export const isSynonymKey = (key: string): boolean => key.startsWith("≈")

const wordStem = (folded: string) => stem(lemmaOf(folded))

const buildCorpus = (statements: ReadonlyArray<CategorizedStatement>, themeSet: ThemeSet): TopicCorpus => {
  const foldedCount = new Map<string, number>()
  const wordCount = new Map<string, number>()
  const danishSpelt = new Set<string>()
  const forms = new Map<string, Map<string, number>>()
  const fold = boundedMemo(foldWord)
  // The themes' synonym sets, by the stem of each phrase's first word.
  const synonymKeys = new Map<string, Set<string>>()
  const synonymWords = new Map<string, ReadonlyArray<string>>()
  const synonymMemberKeys = new Map<string, Set<string>>()
  const phrases = new Map<string, Array<SynonymPhrase>>()
  // One-word members by their last three letters, to find them as the head of a compound.
  const heads = new Map<string, Array<SynonymPhrase>>()
  for (const theme of themeSet.themes) {
    const keys = new Set<string>()
    const memberKeys = new Set<string>()
    theme.synonyms.forEach((set, i) => {
      const key = synonymKey(theme.id, i)
      keys.add(key)
      synonymWords.set(key, set)
      set.forEach((member, place) => {
        const stems = termTokens(member).map((t) => wordStem(fold(t.lower)))
        if (stems.length === 0) return
        const words = termTokens(member)
        const list = phrases.get(stems[0]!) ?? []
        if (!list.some((p) => p.key === key && p.stems.join(" ") === stems.join(" "))) {
          const one = stems.length === 1 ? fold(words[0]!.lower) : undefined
          list.push(one !== undefined && one.length >= 3 ? { key, stems, member: place, folded: one } : { key, stems, member: place })
          if (one !== undefined && one.length >= 3) {
            const tail = heads.get(one.slice(-3)) ?? []
            tail.push({ key, stems, member: place, folded: one })
            heads.set(one.slice(-3), tail)
          }
        }
        if (stems.length === 1) memberKeys.add(stems[0]!)
        phrases.set(stems[0]!, list)
      })
    })
    synonymKeys.set(theme.id, keys)
    synonymMemberKeys.set(theme.id, memberKeys)
  }
  const withPhrases = phrases.size > 0
  // What a word as typed gives, computed once per word: its folded form and its key.
  const wordOf = boundedMemo((lower: string) => {
    const folded = fold(lower)
    // Snowball with danish's å-verb rule, so "forstår" meets "forstå" and "forståelse"; an
    // irregular verb by its infinitive, so "spurgt" meets "spørg".
    return { folded, key: wordStem(folded), danish: /[æøå]/.test(lower) }
  })
  // Each text is read once, however many statements have it (an export repeats answers word
  // for word): its words count once per statement.
  // Texts by number, in first-seen order: each statement's text's number, and each text's copies.
  const textIds = new Interner()
  const texts = textIds.values
  const copies: Array<number> = []
  const textOf = new Int32Array(statements.length)
  for (let i = 0; i < statements.length; i++) {
    const id = textIds.id(statements[i]!.text)
    if (id === copies.length) copies.push(0)
    copies[id]!++
    textOf[i] = id
  }
  // Each text's words become ids of forms (one look-up per word, with the copies counted per
  // form); the counts by word, by folded word and by key are summed from the forms afterwards,
  // in the order the words first occur.
  beginCorpus()
  const formIds = new IdCache()
  const formList: Array<Form> = []
  const formCounts: Array<number> = []
  const raws: Array<Raw> = []
  const stems: Array<string> = []
  // Every text's words end to end, as form numbers (a form fixes the lower case).
  const allWords = new IntList()
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t]!
    const n = copies[t]!
    const tokens = textForms(text)
    const content: Array<number> = []
    const wordsAt = allWords.length
    stems.length = 0
    for (let i = 0; i < tokens.length; i++) {
      const form = formOfToken(tokens[i]!)
      let id = formIds.get(form)
      if (id < 0) {
        id = formList.length
        formIds.set(form, id)
        const w = wordOf(formTable.lower[form]!)
        formList.push({
          surface: formTable.surface[form]!,
          lower: formTable.lower[form]!,
          content: formTable.content[form]!,
          folded: w.folded,
          key: w.key,
          danish: w.danish
        })
        formCounts.push(0)
      }
      formCounts[id]! += n
      const f = formList[id]!
      allWords.push(id)
      if (withPhrases) stems.push(f.key)
      if (f.content) content.push(id)
    }
    // The synonym sets' words and phrases, as written (a phrase spans stop words: "for travlt").
    let phraseHits: Array<readonly [string, string, number]> | undefined
    if (withPhrases) {
      for (let i = 0; i < stems.length; i++) {
        const candidates = phrases.get(stems[i]!)
        if (candidates === undefined) continue
        for (const p of candidates) {
          if (i + p.stems.length > stems.length) continue
          let j = 1
          while (j < p.stems.length && stems[i + j] === p.stems[j]) j++
          if (j < p.stems.length) continue
          const form = j === 1 ? formTable.surface[formOfToken(tokens[i]!)]! : Array.from(tokens.subarray(i, i + j), (t) => formTable.surface[formOfToken(t)]!).join(" ")
          ;(phraseHits ??= []).push([p.key, form, p.member])
        }
      }
    }
    const length = allWords.length - wordsAt
    raws.push(phraseHits !== undefined ? { copies: n, content, wordsAt, length, phraseHits } : { copies: n, content, wordsAt, length })
  }
  formList.forEach((f, id) => {
    const n = formCounts[id]!
    wordCount.set(f.lower, (wordCount.get(f.lower) ?? 0) + n)
    if (!f.content) return
    if (f.danish) danishSpelt.add(f.folded)
    foldedCount.set(f.folded, (foldedCount.get(f.folded) ?? 0) + n)
    const byForm = forms.get(f.key) ?? new Map<string, number>()
    byForm.set(f.surface, (byForm.get(f.surface) ?? 0) + n)
    forms.set(f.key, byForm)
  })

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
    // Words of the synonym sets are words a compound may be made of, as the terms are.
    for (const set of theme.synonyms) {
      for (const member of set) {
        for (const w of member.split(/\s+/u)) {
          const folded = foldWord(w.replace(/[^\p{L}-]/gu, ""))
          if (folded.length >= 3) termWords.push(folded)
        }
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

  // The key a folded word has (as `wordOf` gives it) is left out of its own parts.
  const extrasOf = boundedMemo((folded: string): ReadonlyArray<string> => {
    const key = wordStem(folded)
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
    // Only parts people also wrote as words of their own, so a label never reads "anim". Nor the
    // word itself cut in the wrong place, where a misspelt word matches it: a part that starts
    // with the word's own key ("borgeren", key "borg", is not "borge" + "ren" because someone wrote
    // "borgeer", key "borge"), or that its key starts with and leaves fewer than three letters of
    // ("forståelse", key "forstaa", is not "forsta" + "a" because someone wrote "forstaelse").
    const cutWrong = (k: string) => k.startsWith(key) || (key.startsWith(k) && key.length - k.length < 3)
    return out.filter((k) => k !== key && !cutWrong(k) && k.length >= MIN_PART && forms.has(k))
  })

  // A statement using a word or phrase of a synonym set also carries the set's key; the set's
  // forms are the words as typed, so its label is the participants' own word.
  const addForm = (key: string, surface: string, n: number) => {
    const f = forms.get(key) ?? new Map<string, number>()
    f.set(surface, (f.get(surface) ?? 0) + n)
    forms.set(key, f)
  }
  // A one-word member also matches inside a compound: as its first part ("tolk" in
  // "tolkebistand"), or as its head, inflected or not ("arbejdspres" in "arbejdspresset", "tid"
  // in "ventetiden", "trivsel" in "medarbejdertrivsel"). Once per word.
  const compoundHits = boundedMemo((f: string): ReadonlyArray<SynonymPhrase> => {
    const found: Array<SynonymPhrase> = []
    for (const part of extrasOf(f)) {
      for (const p of phrases.get(part) ?? []) if (p.stems.length === 1) found.push(p)
    }
    for (let ending = 0; ending <= MAX_ENDING && f.length - ending >= 3; ending++) {
      const word = ending === 0 ? f : f.slice(0, -ending)
      for (const p of heads.get(word.slice(-3)) ?? []) {
        if (!word.endsWith(p.folded!)) continue
        const modifier = word.length - p.folded!.length
        // The word itself inflected ("supervisionen"), or a compound with a real first part.
        if ((modifier === 0 && ending > 0) || modifier >= MIN_MODIFIER) found.push(p)
      }
    }
    return found
  })
  const synonymsOf = (r: Raw): ReadonlyArray<readonly [string, string, number]> => {
    let found: Array<readonly [string, string, number]> | undefined
    // Made at the first hit: most texts have none.
    let seen: Set<string> | undefined
    const use = (key: string, form: string, member: number) => {
      seen ??= new Set<string>()
      const id = `${key}\u0000${form}`
      if (seen.has(id)) return
      if (!seen.has(key)) addForm(key, form, r.copies)
      seen.add(id)
      seen.add(key)
      ;(found ??= []).push([key, form, member])
    }
    for (const [key, form, member] of r.phraseHits ?? []) use(key, form, member)
    for (const id of r.content) {
      const f = formList[id]!
      for (const p of (f.hits ??= compoundHits(f.folded))) use(p.key, f.surface, p.member)
    }
    return found ?? []
  }

  // Keys by number, in first-seen order, with the statements that carry each (document frequency).
  const keyIds = new Interner()
  const keyText = keyIds.values
  const dfCount: Array<number> = []
  const keyId = (key: string): number => {
    const id = keyIds.id(key)
    if (id === dfCount.length) dfCount.push(0)
    return id
  }
  // Each text's words once (copies share them), counted once per statement. A key already taken
  // for the text is marked with the text's number.
  const wordsOf: Array<StatementWords> = []
  const mark: Array<number> = []
  raws.forEach((r, t) => {
    const ids: Array<number> = []
    for (const id of r.content) {
      const f = formList[id]!
      for (const k of (f.keyIds ??= [keyId(f.key), ...extrasOf(f.folded).map(keyId)])) {
        if (mark[k] === t) continue
        mark[k] = t
        ids.push(k)
      }
    }
    const synonymForms = withPhrases ? synonymsOf(r) : []
    const synonyms = [...new Set(synonymForms.map(([k]) => k))]
    const synonymIds = Int32Array.from(synonyms, keyId)
    for (const k of synonymIds) dfCount[k]! += r.copies
    for (const k of ids) dfCount[k]! += r.copies
    wordsOf.push(
      synonyms.length > 0
        ? { ids: Int32Array.from(ids), length: r.length, wordsAt: r.wordsAt, synonyms, synonymIds, synonymForms }
        : { ids: Int32Array.from(ids), length: r.length, wordsAt: r.wordsAt }
    )
  })
  const df = new Map<string, number>()
  keyText.forEach((k, id) => df.set(k, dfCount[id]!))
  const byId = new Map<string, StatementWords>()
  for (let i = 0; i < statements.length; i++) byId.set(statements[i]!.id, wordsOf[textOf[i]!]!)
  return {
    byId,
    df,
    forms,
    wordCount,
    danishSpelt,
    themeTermKeys,
    labelKeys,
    synonymKeys,
    synonymWords,
    synonymMemberKeys,
    total: statements.length,
    keyText,
    words: allWords.done(),
    wordText: formList.map((f) => f.lower)
  }
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
