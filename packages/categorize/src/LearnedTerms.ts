import { isStopWord, stem, tokenize } from "@udsagn/danish"
import { OTHER, Theme, ThemeSet, WeightedTerm } from "@udsagn/domain/Theme"
import { Schema } from "effect"
import type { TrainingRow } from "./ModelData.js"

// Words the reviewer taught. A model retrained with a handful of corrections barely moves on a
// word it has never seen (its weights are regularized against 2,000 training statements), so
// statements that are similar to a correction without being near duplicates kept their old
// themes. When several corrections agree on a word the training data hardly knows
// ("sundhedscafé" → sundhedskompetence, corrected three times), the word becomes a theme term of
// the retrained model: later statements with it move with the corrections, and their evidence
// names the word.

/** A word taught by corrections: its theme and how many corrections used it. */
export const LearnedTerm = Schema.Struct({
  theme: Schema.String,
  term: Schema.String,
  corrections: Schema.Number
})
export type LearnedTerm = typeof LearnedTerm.Type

/** Corrections that must use a word, all agreeing on its theme, before it is learnt. */
export const MIN_CORRECTIONS = 2
/** Training statements a word may already occur in: beyond this the model knows it. */
const MAX_TRAINING_ROWS = 2
/** Weight of a learnt term, as a theme file term of middling strength. */
const LEARNED_WEIGHT = 1
const MIN_LENGTH = 4

interface Taught {
  readonly themes: ReadonlyArray<string>
}

const stemsOf = (text: string): Map<string, string> => {
  const out = new Map<string, string>()
  for (const t of tokenize(text)) {
    if (t.key.length < MIN_LENGTH || isStopWord(t.key) || /\d/.test(t.key)) continue
    const s = stem(t.key)
    if (!out.has(s)) out.set(s, t.text.toLocaleLowerCase("da"))
  }
  return out
}

/**
 * The words corrections teach: used in at least MIN_CORRECTIONS corrections that all give the
 * same theme (and not `other`), found in at most MAX_TRAINING_ROWS training statements, and not
 * already a term of that theme. Deterministic: sorted by theme, then word.
 */
export const learnedTerms = (
  themeSet: ThemeSet,
  corrections: ReadonlyArray<Taught & { readonly text: string }>,
  training: ReadonlyArray<TrainingRow>
): Array<LearnedTerm> => {
  const uses = new Map<string, { word: string; themes: Array<ReadonlyArray<string>> }>()
  for (const c of corrections) {
    for (const [s, word] of stemsOf(c.text)) {
      const u = uses.get(s)
      if (u) u.themes.push(c.themes)
      else uses.set(s, { word, themes: [c.themes] })
    }
  }
  const candidates = [...uses].filter(([, u]) => u.themes.length >= MIN_CORRECTIONS)
  if (candidates.length === 0) return []
  const wanted = new Set(candidates.map(([s]) => s))
  const inTraining = new Map<string, number>()
  for (const row of training) {
    for (const s of stemsOf(row.text).keys()) if (wanted.has(s)) inTraining.set(s, (inTraining.get(s) ?? 0) + 1)
  }
  const known = new Map(themeSet.themes.map((t) => [t.id as string, new Set(t.terms.map((w) => stem(tokenize(w.term)[0]?.key ?? "")))]))
  const out: Array<LearnedTerm> = []
  for (const [s, u] of candidates) {
    if ((inTraining.get(s) ?? 0) > MAX_TRAINING_ROWS) continue
    // Themes every correction with the word gives.
    const shared = u.themes.reduce<ReadonlyArray<string>>((acc, ts) => acc.filter((t) => ts.includes(t)), u.themes[0] ?? [])
    for (const theme of shared) {
      if (theme === OTHER || !known.has(theme) || known.get(theme)?.has(s)) continue
      out.push({ theme, term: u.word, corrections: u.themes.length })
    }
  }
  return out.sort((a, b) => (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
}

/** The theme set with the learnt words added to their themes' terms. */
export const withLearnedTerms = (themeSet: ThemeSet, learned: ReadonlyArray<LearnedTerm>): ThemeSet => {
  if (learned.length === 0) return themeSet
  return new ThemeSet({
    ...themeSet,
    themes: themeSet.themes.map((t) => {
      const extra = learned.filter((l) => l.theme === t.id)
      return extra.length === 0
        ? t
        : new Theme({ ...t, terms: [...t.terms, ...extra.map((l) => new WeightedTerm({ term: l.term, weight: LEARNED_WEIGHT }))] })
    })
  })
}
