import { OTHER, type ThemeSet } from "@udsagn/domain/Theme"
import Papa from "papaparse"
import type { TrainingRow } from "./ModelData.js"

/** Themes cell: ids joined by `|` (spaces around them tolerated). */
export const splitThemes = (cell: string): Array<string> =>
  cell
    .split("|")
    .map((t) => t.trim())
    .filter((t) => t.length > 0)

export interface ParsedLabeled {
  readonly rows: Array<TrainingRow>
  /** Problems a person can fix: "række 12: mangler tekst". */
  readonly problems: Array<string>
}

/** Parses a labelled csv (`id,question,text,themes`); rows without text or themes are reported. */
export const parseLabeledCsv = (csv: string): ParsedLabeled => {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true })
  const problems: Array<string> = parsed.errors.map((e) => `række ${(e.row ?? 0) + 2}: ${e.message}`)
  const fields = parsed.meta.fields ?? []
  for (const col of ["text", "themes"]) if (!fields.includes(col)) problems.push(`kolonnen "${col}" mangler (fandt: ${fields.join(", ")})`)
  const rows: Array<TrainingRow> = []
  parsed.data.forEach((r, i) => {
    const text = (r.text ?? "").trim()
    const themes = splitThemes(r.themes ?? "")
    if (text.length === 0 || themes.length === 0) {
      problems.push(`række ${i + 2}: ${text.length === 0 ? "mangler tekst" : "mangler temaer"}`)
      return
    }
    rows.push({ id: (r.id ?? "").trim() || `row-${i + 1}`, question: r.question?.trim(), text, themes })
  })
  return { rows, problems }
}

/** Quotes a csv cell when needed (RFC 4180). */
export const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/**
 * The training rows that speak to this theme set: rows with at least one of its theme ids
 * (labels outside the set dropped), plus `other` rows when the set covers every label in the
 * data (they are true negatives only then), plus the theme file's own examples.
 */
export const relevantRows = (themeSet: ThemeSet, rows: ReadonlyArray<TrainingRow>): Array<TrainingRow> => {
  const ids = new Set<string>(themeSet.themes.map((t) => t.id))
  const labels = new Set(rows.flatMap((r) => r.themes).filter((t) => t !== OTHER))
  const coversAll = [...labels].every((l) => ids.has(l))
  const byText = new Map<string, { id: string; text: string; themes: Set<string> }>()
  const add = (id: string, text: string, themes: ReadonlyArray<string>) => {
    const key = text.trim().toLowerCase()
    const entry = byText.get(key)
    if (entry) themes.forEach((t) => entry.themes.add(t))
    else byText.set(key, { id, text, themes: new Set(themes) })
  }
  for (const r of rows) {
    const mine = r.themes.filter((t) => ids.has(t))
    if (mine.length > 0) add(r.id, r.text, mine)
    else if (coversAll && r.themes.includes(OTHER)) add(r.id, r.text, [])
  }
  themeSet.themes.forEach((t, ti) => t.examples.forEach((e, ei) => add(`example-${ti}-${ei}`, e, [t.id])))
  // Without the data's own `other` rows the model would never see a statement without a theme:
  // add conference small talk that belongs to no theme of any conference.
  if (!coversAll || !rows.some((r) => r.themes.includes(OTHER))) GENERIC_OTHER.forEach((e, i) => add(`generic-other-${i}`, e, []))
  return [...byText.values()].map((e) => ({ id: e.id, text: e.text, themes: [...e.themes] }))
}

/** Statements that carry no theme at any conference: praise, logistics, test answers. */
export const GENERIC_OTHER: ReadonlyArray<string> = [
  "Tak for i dag",
  "Spændende",
  "Inspirerende dag",
  "God dag",
  "Godt oplæg",
  "Dejlig mad",
  "Lækker frokost",
  "For lidt pauser",
  "Lokalet var for varmt",
  "test",
  "hej",
  "Kan ikke høre noget",
  "Hvornår er der kaffe?",
  "Fint arrangement",
  "Godt at mødes på tværs",
  "Interessant",
  "Mere af det her",
  "Ved ikke"
]
