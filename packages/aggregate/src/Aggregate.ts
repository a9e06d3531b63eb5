import type { CategorizedResult } from "@udsagn/domain/Analysis"
import type { StatementId } from "@udsagn/domain/Statement"
import { QuestionSummary, Summary, ThemeQuestionCell, ThemeSummary } from "@udsagn/domain/Summary"
import { OTHER, type ThemeId } from "@udsagn/domain/Theme"
import { actionableStatements, isLowHangingFruit, proposalCounts } from "./Actionable.js"
import { themeColor } from "./Colors.js"
import { hasTheme, keyTerms } from "./KeyTerms.js"
import { representativeStatements } from "./Representative.js"

export {
  ACTION_THRESHOLD,
  actionableStatements,
  actionScore,
  type ActionScore,
  isLowHangingFruit,
  proposalCounts
} from "./Actionable.js"
export { OKABE_ITO, OTHER_COLOR, themeColor } from "./Colors.js"
export { hasTheme, keyTerms } from "./KeyTerms.js"
export { representativeStatements, tfidfVectors } from "./Representative.js"

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
  const questions = titles.map(
    (title) =>
      new QuestionSummary({ title, type: types.get(title)!, count: statements.filter((s) => s.question === title).length })
  )

  const fileThemes = themeSet.themes.filter((t) => t.id !== OTHER)
  const countOf = (id: ThemeId) => statements.filter((s) => hasTheme(s, id)).length
  const ordered = fileThemes
    .map((t, i) => ({ id: t.id, label: t.label, count: countOf(t.id), i }))
    .sort((a, b) => b.count - a.count || a.i - b.i)
  const explicitOther = themeSet.themes.find((t) => t.id === OTHER)
  ordered.push({ id: OTHER, label: explicitOther?.label ?? themeSet.otherLabel, count: countOf(OTHER), i: ordered.length })

  const byId = new Map(statements.map((s) => [s.id as string, s]))
  const themes = ordered.map((t) => {
    const actionable = actionableStatements(statements, t.id, ACTIONABLE)
    return new ThemeSummary({
        theme: t.id,
        label: t.label,
        color: themeColor(themeSet, t.id),
        count: t.count,
        share: total === 0 ? 0 : t.count / total,
        keyTerms: keyTerms(statements, t.id, themeSet, KEY_TERMS),
        representative: representativeStatements(statements, t.id, REPRESENTATIVES),
        actionable,
        lowHangingFruit: actionable.filter((id) => isLowHangingFruit(byId.get(id)?.text ?? "")),
        proposals: proposalCounts(statements, t.id)
      })
  })

  const matrix = ordered.flatMap((t) =>
    titles.map(
      (question) =>
        new ThemeQuestionCell({
          theme: t.id,
          question,
          count: statements.filter((s) => s.question === question && hasTheme(s, t.id)).length
        })
    )
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
