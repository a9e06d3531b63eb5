import type { RawEntry } from "./Assemble.js"
import { type Cell, cellText } from "./Cell.js"
import { answerEntries, isBlank, isoDate, normTitle, numberOf, rowAt } from "./MentiCells.js"
import type { Sheet } from "./Xlsx.js"

// A `Session N` sheet holds one block per slide: `Question 1` (or `Slide 1`) alone in column A,
// meta rows (`Type`, `Question`, `Respondents`, …), a blank row, then a header and the results.

const SESSION_SHEET = /^session\s+(\d+)$/i
const BLOCK_START = /^(question|slide)\s+(\d+)$/i
const META_KEYS = new Set(["date", "date (utc)", "session", "type", "question", "title", "respondents"])

/** For a slide without a title, so a statement never has an empty question. */
export const UNTITLED = "Spørgsmål uden titel"

export const isSessionSheet = (sheet: Sheet) => SESSION_SHEET.test(sheet.name.trim())

export interface SlideBlock {
  readonly sheet: string
  readonly row: number
  /** How the block names itself (`Question 4`, `Slide 4`): the slide's name when it has no title. */
  readonly name: string
  readonly type: string
  readonly title: string
  readonly session: number | undefined
  readonly date: string | undefined
  readonly respondents: number | undefined
  readonly header: ReadonlyArray<string>
  readonly table: ReadonlyArray<{ readonly row: number; readonly cells: ReadonlyArray<Cell | undefined> }>
}

/** A block while its rows are read. */
interface OpenBlock {
  readonly row: number
  readonly name: string
  readonly meta: Map<string, Cell | undefined>
  state: "meta" | "body"
  header: Array<string> | undefined
  readonly table: Array<{ row: number; cells: ReadonlyArray<Cell | undefined> }>
}

const blockOf = (sheet: Sheet, b: OpenBlock): SlideBlock => {
  const m = b.meta
  const sheetSession = Number(SESSION_SHEET.exec(sheet.name.trim())?.[1])
  return {
    sheet: sheet.name,
    row: b.row,
    name: b.name,
    type: cellText(m.get("type")).trim().toLowerCase(),
    title: normTitle(cellText(m.get("question") ?? m.get("title"))),
    session: numberOf(m.get("session")) ?? (Number.isFinite(sheetSession) ? sheetSession : undefined),
    date: isoDate(m.get("date") ?? m.get("date (utc)")),
    respondents: numberOf(m.get("respondents")),
    header: b.header ?? [],
    table: b.table
  }
}

/** One row into the open block: a meta row, the results header (or `No votes`), or a result. */
const addRow = (b: OpenBlock, r: number, row: ReadonlyArray<Cell | undefined>) => {
  if (isBlank(row)) {
    if (b.state === "meta") b.state = "body"
    return
  }
  const a = cellText(row[0]).trim()
  const key = a.toLowerCase()
  if (b.state === "meta" && META_KEYS.has(key)) {
    b.meta.set(key, row[1])
    return
  }
  b.state = "body"
  if (b.header === undefined) b.header = /^no votes/i.test(a) ? [] : row.map((c) => cellText(c).trim())
  else b.table.push({ row: r, cells: row })
}

/** Parse the per-slide blocks of a `Session N` sheet. */
export const parseSessionSheet = (sheet: Sheet): ReadonlyArray<SlideBlock> => {
  const blocks: Array<SlideBlock> = []
  let current: OpenBlock | undefined
  for (let r = 1; r <= sheet.rows.length; r++) {
    const row = rowAt(sheet, r)
    const first = cellText(row[0]).trim()
    if (BLOCK_START.test(first) && row.slice(1).every((c) => c === undefined)) {
      if (current) blocks.push(blockOf(sheet, current))
      current = { row: r, name: normTitle(first), meta: new Map(), state: "meta", header: undefined, table: [] }
    } else if (current) addRow(current, r, row)
  }
  if (current) blocks.push(blockOf(sheet, current))
  return blocks
}

/** Entries from an open or word-cloud block's response table; `keep` decides per response cell (by its text and row). */
export const blockEntries = (b: SlideBlock, keep: (text: string, row: number) => boolean = () => true): Array<RawEntry> => {
  if (b.type !== "open" && b.type !== "wordcloud") return []
  const type: "open" | "wordcloud" = b.type
  const upCol = b.header.findIndex((h) => /^upvotes$/i.test(h))
  const out: Array<RawEntry> = []
  for (const { cells, row } of b.table) {
    const cell = cells[0]
    if (cell === undefined || !keep(cellText(cell), row)) continue
    const base = {
      question: b.title || UNTITLED,
      questionType: type,
      session: b.session,
      date: b.date,
      source: { sheet: b.sheet, row, column: 1 }
    }
    out.push(...answerEntries(base, cellText(cell), upCol > 0 ? numberOf(cells[upCol]) : undefined))
  }
  return out
}
