import Papa from "papaparse"
import type { TrainingRow } from "./ThemeModel.js"

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
