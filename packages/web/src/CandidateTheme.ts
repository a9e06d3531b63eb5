import { Theme, ThemeSet, WeightedTerm } from "@udsagn/domain/Theme"
import type { Candidate } from "@udsagn/domain/Topics"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { newThemeId } from "./pages/ThemesForm.js"

// Issue 14 item 2: a candidate new theme (a group of statements without a theme that share
// words, in topics.json) becomes a theme with one click: its words the theme's terms, its
// clearest statements the theme's examples. The analysis is then run again with it.

/** Examples a theme takes from a candidate (the clearest first). */
const MAX_EXAMPLES = 5

/** The current theme set with the candidate added as a theme (a free id made from its label). */
export const withCandidateTheme = (
  current: ThemeSet,
  candidate: Candidate,
  statements: ReadonlyArray<CategorizedStatement>,
  analysisTitle: string
): { readonly themeSet: ThemeSet; readonly theme: Theme } => {
  const byId = new Map(statements.map((s) => [s.id as string, s.text]))
  const examples = candidate.statements.flatMap((id) => {
    const text = byId.get(id)
    return text === undefined ? [] : [text]
  }).slice(0, MAX_EXAMPLES)
  const theme = new Theme({
    id: newThemeId(candidate.label, new Set(current.themes.map((t) => t.id as string))) as Theme["id"],
    label: candidate.label,
    description: `Foreslået af udsagn uden tema i analysen »${analysisTitle}«, der handler om ${candidate.terms.slice(0, 3).join(", ")}.`,
    terms: candidate.terms.map((term) => new WeightedTerm({ term, weight: 1 })),
    exclusions: [],
    examples
  })
  return { themeSet: new ThemeSet({ ...current, themes: [...current.themes, theme] }), theme }
}
