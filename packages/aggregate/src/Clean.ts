import { damerauLevenshtein } from "@udsagn/danish/Distance"
import { foldWord } from "@udsagn/danish/Normalize"
import type { StatementWords, TopicCorpus } from "./TopicWords.js"

// How cleanly a statement is written, for choosing quotes: when two statements say the same,
// the committee should read the one without typos. No dictionary is needed: a word written
// once in the whole conference, one keystroke away from a word others wrote, is taken for a typo
// ("tolkr" beside "tolke"); "forstaa" where others wrote "forstå" is a phone spelling.

const indexes = new WeakMap<TopicCorpus, ReadonlyMap<string, ReadonlyArray<string>>>()

// Words written at least twice, by their first two letters: the few a typo is compared with.
const frequentWords = (corpus: TopicCorpus): ReadonlyMap<string, ReadonlyArray<string>> => {
  const hit = indexes.get(corpus)
  if (hit !== undefined) return hit
  const index = new Map<string, Array<string>>()
  for (const [w, n] of corpus.wordCount) {
    if (n < 2 || w.length < 4) continue
    const k = w.slice(0, 2)
    const list = index.get(k)
    if (list === undefined) index.set(k, [w])
    else if (list.length < 400) list.push(w)
  }
  indexes.set(corpus, index)
  return index
}

const isTypo = (corpus: TopicCorpus, word: string): boolean => {
  if (word.length < 4 || (corpus.wordCount.get(word) ?? 0) > 1 || /\p{N}/u.test(word)) return false
  const near = frequentWords(corpus).get(word.slice(0, 2)) ?? []
  return near.some((w) => w !== word && damerauLevenshtein(w, word, 1) <= 1)
}

const isPhoneSpelling = (corpus: TopicCorpus, word: string): boolean =>
  /ae|oe|aa/.test(word) && !/[æøå]/.test(word) && corpus.danishSpelt.has(foldWord(word))

// A statement's score, by its words in one corpus: sub-topics, their proposals and candidate
// themes each rank the same statements (clearestFirst), and the typo look-ups are the dear part.
const scores = new WeakMap<StatementWords, { readonly text: string; readonly score: number }>()

/** 1 for a cleanly written statement, less for typos, phone spellings, questions and masks. */
export const cleanliness = (corpus: TopicCorpus, words: StatementWords, text: string): number => {
  const hit = scores.get(words)
  if (hit !== undefined && hit.text === text) return hit.score
  const score = scoreOf(corpus, words, text)
  scores.set(words, { text, score })
  return score
}

const scoreOf = (corpus: TopicCorpus, words: StatementWords, text: string): number => {
  let score = 1
  for (let k = words.wordsAt; k < words.wordsAt + words.length; k++) {
    const w = corpus.wordText[corpus.words[k]!]!
    if (isPhoneSpelling(corpus, w)) score *= 0.6
    else if (isTypo(corpus, w)) score *= 0.6
  }
  const trimmed = text.trim()
  if (/^\p{Ll}/u.test(trimmed)) score *= 0.9
  if (/\?\s*$/.test(trimmed)) score *= 0.7
  if (/\[(?:CPR|telefon|e-mail)\]/i.test(trimmed)) score *= 0.4
  if (/[!?]{2,}|\p{Extended_Pictographic}/u.test(trimmed)) score *= 0.9
  if (words.length < 3) score *= 0.5
  else if (words.length > 40) score *= 0.8
  return score
}
