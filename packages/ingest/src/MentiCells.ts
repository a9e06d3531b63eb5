import type { RawEntry } from "./Assemble.js"
import { type Cell, cellText } from "./Cell.js"
import { splitWordCloud } from "./Clean.js"
import type { Sheet } from "./Xlsx.js"

// How Menti's sheets are read cell by cell, shared by the Session, Voters and Q&A readers.

/** Whitespace collapsed, NFC: how titles are compared between sheets. */
export const normTitle = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim()

/** A count as Menti writes it: a number, or text like `3` or `1.0`. */
export const numberOf = (cell: Cell | undefined): number | undefined => {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined
  if (typeof cell !== "string") return undefined
  const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*$/.exec(cell)
  return m ? Number((m[1] ?? "").replace(",", ".")) : undefined
}

/** ISO date (YYYY-MM-DD) from text (`2024-12-05`, `2024-12-05 10:31`, `05-12-2024`) or an Excel date serial. */
export const isoDate = (cell: Cell | undefined): string | undefined => {
  if (typeof cell === "number") {
    if (cell < 20_000 || cell > 80_000) return undefined
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10)
  }
  if (typeof cell !== "string") return undefined
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(cell)
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`
  const dk = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})/.exec(cell)
  if (dk) return `${dk[3]}-${(dk[2] ?? "").padStart(2, "0")}-${(dk[1] ?? "").padStart(2, "0")}`
  return undefined
}

/** The cells of 1-based row `r` (an empty row for a gap). */
export const rowAt = (sheet: Sheet, r: number) => sheet.rows[r - 1] ?? []

export const isBlank = (row: ReadonlyArray<Cell | undefined>) =>
  row.every((c) => c === undefined || cellText(c).trim() === "")

/** Lower-cased, trimmed header names of 1-based row `r`. */
export const headerNames = (sheet: Sheet, r: number) => rowAt(sheet, r).map((c) => cellText(c).trim().toLowerCase())

/** Why a workbook with Menti's sheet names is not read as Menti's export; `sheet` if one is to blame. */
export interface MentiRefusal {
  readonly detail: string
  readonly sheet?: string
}

/** Where a Menti answer sits, what it answers and who gave it: everything but the text. */
export type AnswerBase = Omit<RawEntry, "raw" | "upvotes"> & { readonly questionType: "open" | "wordcloud" }

/** An open answer is one entry; a word-cloud cell gives one entry per word (or itself, if it has none). */
export const answerEntries = (base: AnswerBase, text: string, upvotes: number | undefined): Array<RawEntry> => {
  if (base.questionType === "open") return [{ ...base, upvotes, raw: text }]
  const words = splitWordCloud(text)
  return words.length === 0 ? [{ ...base, raw: text }] : words.map((w) => ({ ...base, raw: w }))
}
