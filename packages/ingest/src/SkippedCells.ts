import { type Cell, cellText, columnLetters } from "./Cell.js"

// What a table reader passed over, so the ledger accounts for every cell with text, not only
// for the rows it chose to read: title rows above the header, columns it did not take (a
// department, a second comment column), and sheets that held no table it could read.

export type SkipReason = "above-header" | "other-column" | "sheet-not-read"

export interface SkippedCells {
  readonly reason: SkipReason
  readonly sheet: string
  /** The column's header name (or letter), for `other-column`. */
  readonly column?: string | undefined
  /** Cells with text. */
  readonly count: number
}

type Rows = ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>

const filledCells = (row: ReadonlyArray<Cell | undefined> | undefined) => {
  let n = 0
  row?.forEach((c) => {
    if (cellText(c).trim() !== "") n++
  })
  return n
}

/** Cells with text in a whole sheet (one pass over the cells that exist). */
export const sheetNotRead = (rows: Rows, sheet: string): ReadonlyArray<SkippedCells> => {
  let count = 0
  rows.forEach((row) => {
    count += filledCells(row)
  })
  return count > 0 ? [{ reason: "sheet-not-read", sheet, count }] : []
}

const normName = (s: string) => s.normalize("NFC").toLocaleLowerCase("da").replace(/\s+/g, " ").replace(/[\s:*?]+$/u, "").trim()

/**
 * Splits the per-column tallies of text the reader did not take into answer-like columns
 * (`unread`, shown in the report with how to read them instead) and the rest (`skipped`), and adds
 * the title rows above the header.
 */
export const countSkipped = (
  rows: Rows,
  sheet: string,
  header: ReadonlyArray<string> | undefined,
  headerRow: number | undefined,
  used: ReadonlySet<number | undefined>,
  tallies: ReadonlyMap<number, number>,
  answerLike: (normalizedName: string) => boolean
) => {
  const unread: Array<{ readonly sheet: string; readonly column: string; readonly filled: number }> = []
  const skipped: Array<SkippedCells> = []
  // Without a header row, `headerRow` is the last row above the first answer.
  const lastAbove = header !== undefined ? (headerRow ?? 0) - 1 : (headerRow ?? 0)
  let above = 0
  for (let r = 1; r <= lastAbove; r++) above += filledCells(rows[r - 1])
  if (above > 0) skipped.push({ reason: "above-header", sheet, count: above })
  for (const [col, count] of [...tallies].sort((a, b) => a[0] - b[0])) {
    if (used.has(col)) continue
    const name = header?.[col - 1]?.trim() ?? ""
    if (name !== "" && answerLike(normName(name))) unread.push({ sheet, column: name, filled: count })
    else skipped.push({ reason: "other-column", sheet, column: name !== "" ? name : columnLetters(col), count })
  }
  return { unread, skipped }
}
