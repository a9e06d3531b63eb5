import type { CategorizedResult, RecommendationsDraft } from "@udsagn/domain"
import { BackingNote, ThemeNotes } from "@udsagn/domain/Notes"
import { RecommendationsDraft as Draft } from "@udsagn/domain/Recommendation"
import { OTHER } from "@udsagn/domain/Theme"
import { HeadingLevel, Paragraph, TextRun } from "docx"
import { escapeMarkdown } from "./Recommendations.js"
import { themeLabel } from "./ReportModel.js"

// The notes from talks and table discussions (`--notes`) behind the draft recommendations: per
// theme, in the recommendations' order, in a field of their own (`notes`), and in the .md and
// .docx under a heading that says they are not the participants' statements.

const sourceOf = (n: { readonly file: string; readonly label: string }) => (n.label === n.file ? n.file : `${n.file}, ${n.label}`)

/** The draft with `notes` set: each theme's notes paragraphs (none: the draft as it was). */
export const withNotes = (draft: RecommendationsDraft, result: CategorizedResult): RecommendationsDraft => {
  if (result.notes.length === 0) return draft
  const themes = [
    ...draft.recommendations.map((r) => r.theme as string),
    ...result.themeSet.themes.map((t) => t.id as string)
  ].filter((t, i, all) => t !== OTHER && all.indexOf(t) === i)
  const notes = themes.flatMap((theme) => {
    const paragraphs = result.notes.filter((n) => (n.themes as ReadonlyArray<string>).includes(theme))
    if (paragraphs.length === 0) return []
    return [
      new ThemeNotes({
        theme: paragraphs[0]!.themes.find((t) => t === theme)!,
        themeLabel: draft.recommendations.find((r) => r.theme === theme)?.themeLabel ?? themeLabel(result, theme),
        notes: paragraphs.map((n) => new BackingNote({ id: n.id, source: sourceOf(n), text: n.text }))
      })
    ]
  })
  return new Draft({ ...draft, notes })
}

const NOTE = "Afsnit fra konferencens noter (oplæg og drøftelser ved bordene), som støtter anbefalingen under temaet. De er ikke deltagernes udsagn og tæller ikke med i tallene. Id'er som (n0003) er afsnittenes."

const heading = (draft: RecommendationsDraft, theme: string, label: string) => {
  const i = draft.recommendations.findIndex((r) => r.theme === theme)
  return i >= 0 ? `Til anbefaling ${i + 1}: ${label}` : label
}

/** The Markdown lines of the notes section (none when the draft has no notes). */
export const notesMarkdown = (draft: RecommendationsDraft): ReadonlyArray<string> => {
  const notes = draft.notes ?? []
  if (notes.length === 0) return []
  const out: Array<string> = ["## Fra oplæg og drøftelser", "", NOTE, ""]
  for (const t of notes) {
    out.push(`### ${escapeMarkdown(heading(draft, t.theme, t.themeLabel))}`, "")
    for (const n of t.notes) out.push(`- ${escapeMarkdown(n.text)} (${n.id}, ${escapeMarkdown(n.source)})`)
    out.push("")
  }
  return out
}

/** The Word paragraphs of the notes section (none when the draft has no notes). */
export const notesDocx = (draft: RecommendationsDraft): ReadonlyArray<Paragraph> => {
  const notes = draft.notes ?? []
  if (notes.length === 0) return []
  return [
    new Paragraph({ text: "Fra oplæg og drøftelser", heading: HeadingLevel.HEADING_1, spacing: { before: 360, after: 120 } }),
    new Paragraph({ children: [new TextRun(NOTE)], spacing: { after: 120 } }),
    ...notes.flatMap((t) => [
      new Paragraph({ text: heading(draft, t.theme, t.themeLabel), heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 80 } }),
      ...t.notes.map((n) =>
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun(n.text), new TextRun({ text: ` (${n.id}, ${n.source})`, color: "555555" })]
        })
      )
    ])
  ]
}
