import type { CategorizedResult } from "@udsagn/domain/Analysis"
import type { StatementId } from "@udsagn/domain/Statement"
import { QuestionSummary, Summary, ThemeQuestionCell, ThemeSummary } from "@udsagn/domain/Summary"
import { OTHER } from "@udsagn/domain/Theme"
import { proposalsOf } from "./Actionable.js"
import { themeColor } from "./Colors.js"
import { corpusOf } from "./Corpus.js"
import { keyTermsOf, termCounts, termUses } from "./KeyTerms.js"
import { representativeOf } from "./Representative.js"

export {
  ACTION_THRESHOLD,
  actionableStatements,
  actionScore,
  type ActionScore,
  proposalsOf,
  isLowHangingFruit,
  proposalCounts
} from "./Actionable.js"
export { OKABE_ITO, OTHER_COLOR, themeColor } from "./Colors.js"
export { corpusOf, type Corpus, type StatementFacts } from "./Corpus.js"
export { hasTheme, keyTerms, keyTermsOf, termCounts, termUses } from "./KeyTerms.js"
export { representativeOf, representativeStatements, tfidfVectors } from "./Representative.js"

/** How many key terms, quotes and actions a theme summary carries. */
export const KEY_TERMS = 8
export const REPRESENTATIVES = 5
export const ACTIONABLE = 10

/**
 * Counts, shares and the theme × question table of a finished analysis. Pure.
 * Themes come by count (descending; ties keep the theme file's order) with `other` last,
 * and every theme of the theme file is listed, so a theme nobody spoke to shows as 0.
 */
export const aggregate = (result: CategorizedResult): Summary => {
  const { statements, themeSet } = result
  const total = statements.length

  // Questions in the export's order; any question only the statements name comes after.
  const titles: Array<string> = []
  const types = new Map<string, string>()
  for (const q of result.questions) {
    if (types.has(q.title)) continue
    titles.push(q.title)
    types.set(q.title, q.type)
  }
  for (const s of statements) {
    if (types.has(s.question)) continue
    titles.push(s.question)
    types.set(s.question, s.questionType)
  }

  // One pass over the statements: per question, per theme (its statements' indexes) and per
  // theme and question. Themes outside the theme file count for nothing, as before.
  const fileThemes = themeSet.themes.filter((t) => t.id !== OTHER)
  const inside = new Map<string, Array<number>>()
  for (const t of [...fileThemes.map((t) => t.id as string), OTHER]) inside.set(t, [])
  const perQuestion = new Map<string, number>()
  const cells = new Map<string, number>()
  statements.forEach((s, i) => {
    perQuestion.set(s.question, (perQuestion.get(s.question) ?? 0) + 1)
    const themes: ReadonlyArray<string> = s.themes
    for (let k = 0; k < themes.length; k++) {
      const t = themes[k]!
      if (themes.indexOf(t) < k) continue // a theme listed twice counts once
      const list = inside.get(t)
      if (list === undefined) continue
      list.push(i)
      const cell = `${t}\u0000${s.question}`
      cells.set(cell, (cells.get(cell) ?? 0) + 1)
    }
  })
  const questions = titles.map((title) => new QuestionSummary({ title, type: types.get(title)!, count: perQuestion.get(title) ?? 0 }))

  const ordered = fileThemes
    .map((t, i) => ({ id: t.id, label: t.label, count: inside.get(t.id)!.length, i }))
    .sort((a, b) => b.count - a.count || a.i - b.i)
  const explicitOther = themeSet.themes.find((t) => t.id === OTHER)
  ordered.push({ id: OTHER, label: explicitOther?.label ?? themeSet.otherLabel, count: inside.get(OTHER)!.length, i: ordered.length })

  // Every statement tokenized once (Corpus.ts); each theme then reads the shared facts.
  const corpus = corpusOf(statements)
  const uses = termUses(corpus)
  const themes = ordered.map((t) => {
    const members = inside.get(t.id)!
    const proposals = proposalsOf(corpus, statements, members, ACTIONABLE)
    const fruit = new Set(members.filter((i) => corpus.facts[i]!.fruit === true).map((i) => statements[i]!.id as string))
    return new ThemeSummary({
      theme: t.id,
      label: t.label,
      color: themeColor(themeSet, t.id),
      count: t.count,
      share: total === 0 ? 0 : t.count / total,
      keyTerms: keyTermsOf(corpus, members, termCounts(corpus, members), uses, KEY_TERMS),
      representative: representativeOf(corpus, statements, members, REPRESENTATIVES),
      actionable: proposals.actionable,
      lowHangingFruit: proposals.actionable.filter((id) => fruit.has(id)),
      proposals: proposals.counts
    })
  })

  const matrix = ordered.flatMap((t) =>
    titles.map((question) => new ThemeQuestionCell({ theme: t.id, question, count: cells.get(`${t.id}\u0000${question}`) ?? 0 }))
  )

  // Least sure first: that is where a reviewer's time does the most good.
  const needsReview: Array<StatementId> = statements
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.needsReview)
    .sort((a, b) => a.s.confidence - b.s.confidence || a.i - b.i)
    .map(({ s }) => s.id)

  const distinct = new Set(statements.filter((s) => s.duplicateOf === undefined).map((s) => s.text)).size

  return new Summary({
    statements: total,
    distinctStatements: distinct,
    questions,
    themes,
    matrix,
    needsReview
  })
}
