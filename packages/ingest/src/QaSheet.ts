import { Either } from "effect"
import type { RawEntry } from "./Assemble.js"
import { cellText } from "./Cell.js"
import { headerNames, isBlank, isoDate, type MentiRefusal, numberOf, rowAt } from "./MentiCells.js"
import type { Sheet } from "./Xlsx.js"

// Menti's Q&A sheet (`Questions from audience`): a note row, then a header with `Input` (or
// `Question` and `Participant`), one question per row. Its participant ids are its own, unrelated
// to the Voters sheet's, hence keys `qa:<participant>`.

export const QA_SHEET = "Questions from audience"
export const DEFAULT_QA_TITLE = "Spørgsmål fra salen"

export const isQaSheet = (sheet: Sheet) => sheet.name.trim().toLowerCase() === QA_SHEET.toLowerCase()

export interface QaRead {
  readonly entries: ReadonlyArray<RawEntry>
  /** Distinct participants who asked. */
  readonly participants: number
}

const findQaHeader = (sheet: Sheet) => {
  for (let r = 1; r <= Math.min(sheet.rows.length, 15); r++) {
    const names = headerNames(sheet, r)
    if (names.includes("input") || (names.includes("question") && names.includes("participant"))) return { row: r, names }
  }
  return undefined
}

/** Read the Q&A sheet; every question is an entry of the Q&A slide `title`. Left: why it is not Menti's layout. */
export const readQaSheet = (sheet: Sheet, title: string): Either.Either<QaRead, MentiRefusal> => {
  const header = findQaHeader(sheet)
  if (header === undefined) {
    // An empty Q&A sheet (note row only) is fine; one with rows but no Input column is not Menti's layout.
    const hasRows = sheet.rows.slice(1).some((row) => row !== undefined && !isBlank(row))
    return hasRows
      ? Either.left({ detail: `arket "${sheet.name}" mangler kolonnen Input`, sheet: sheet.name })
      : Either.right({ entries: [], participants: 0 })
  }
  const col = (name: string) => header.names.indexOf(name) + 1 || undefined
  const input = col("input") ?? col("question") ?? 1
  const session = col("session")
  const participant = col("participant")
  const date = col("date") ?? col("date (utc)")
  const upvotes = col("upvotes")
  const entries: Array<RawEntry> = []
  const people = new Set<string>()
  for (let r = header.row + 1; r <= sheet.rows.length; r++) {
    const row = rowAt(sheet, r)
    if (isBlank(row)) continue
    const p = participant ? cellText(row[participant - 1]).trim() : ""
    const pid = p === "" ? undefined : `qa:${numberOf(p) ?? p}`
    if (pid !== undefined) people.add(pid)
    entries.push({
      question: title,
      questionType: "qa",
      session: session ? numberOf(row[session - 1]) : undefined,
      participant: pid,
      date: date ? isoDate(row[date - 1]) : undefined,
      upvotes: upvotes ? numberOf(row[upvotes - 1]) : undefined,
      source: { sheet: sheet.name, row: r, column: input },
      raw: cellText(row[input - 1])
    })
  }
  return Either.right({ entries, participants: people.size })
}
