import { Either } from "effect"
import type { RawEntry } from "./Assemble.js"
import { isoDate, numberOf } from "./MentiWorkbook.js"
import { type Cell, cellText, columnLetters, columnNumber } from "./Cell.js"
import { countSkipped, type SkippedCells } from "./SkippedCells.js"

// Plain tables: one answer per row, made by hand or saved from Excel as CSV. The header row
// need not be row 1; columns are found by Danish or English names, or failing that by content.

export type Rows = ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>

export interface TableOptions {
  readonly textColumn?: string | undefined
  readonly questionColumn?: string | undefined
}

export interface TableRead {
  readonly entries: ReadonlyArray<RawEntry>
  /** 1-based header row, undefined when the table has none. */
  readonly headerRow: number | undefined
  /** 1-based columns used. */
  readonly textColumn: number
  readonly questionColumn: number | undefined
  readonly participants: number | undefined
  readonly firstDate: string | undefined
  /** How the answer column was found: a known header name, an option, or the content. */
  readonly foundBy: "name" | "option" | "content"
  /** Other columns named like answers, with text, that were not read (for the ledger). */
  readonly unread: ReadonlyArray<{ readonly sheet: string; readonly column: string; readonly filled: number }>
  /** Every other cell with text the reader passed over, by reason (for the ledger). */
  readonly skipped: ReadonlyArray<SkippedCells>
}

export type TableFailure =
  | {
    readonly _tag: "ColumnNotFound"
    readonly option: "text-column" | "question-column"
    readonly column: string
    readonly available: ReadonlyArray<string>
  }
  | { readonly _tag: "NoTextColumn"; readonly detail: string }

/** Header names as compared: lower case, NFC, single spaces, no trailing `:`/`*`/`?`. */
export const normHeader = (s: string) =>
  s.normalize("NFC").toLocaleLowerCase("da").replace(/\s+/g, " ").replace(/[\s:*?]+$/u, "").trim()

const TEXT_NAMES = new Set([
  "svar", "svaret", "besvarelse", "besvarelser", "udsagn", "kommentar", "kommentarer", "bemærkning",
  "bemærkninger", "fritekst", "indlæg", "input", "tekst", "citat", "response", "responses", "answer",
  "answers", "text", "statement", "statements", "comment", "comments", "feedback", "svar/udsagn"
])
const QUESTION_NAMES = new Set([
  "spørgsmål", "spørgsmålet", "question", "questions", "slide", "slide title", "emne", "topic", "titel", "title",
  "overskrift"
])
const UPVOTE_NAMES = new Set(["upvotes", "upvote", "stemmer", "likes", "votes", "op-stemmer"])
const SESSION_NAMES = new Set(["session", "runde"])
const DATE_NAMES = new Set(["date", "date (utc)", "dato", "tidspunkt", "timestamp"])
const PARTICIPANT_NAMES = new Set(["participant", "deltager", "voter", "respondent", "deltager-id"])

const DEFAULT_QUESTION = "Udsagn"
const HEADER_SCAN_ROWS = 30

const rowOf = (rows: Rows, r: number): ReadonlyArray<Cell | undefined> => rows[r - 1] ?? []
const isBlank = (row: ReadonlyArray<Cell | undefined>) => row.every((c) => c === undefined || cellText(c).trim() === "")
const width = (rows: Rows) => rows.reduce((w, row) => Math.max(w, row?.length ?? 0), 0)

/** Resolve an override: a header name (case-insensitive), a column letter (`B`) or a 1-based number. */
const resolveColumn = (spec: string, header: ReadonlyArray<string> | undefined, w: number): number | undefined => {
  const s = spec.trim()
  if (header) {
    const i = header.findIndex((h) => normHeader(h) === normHeader(s))
    if (i >= 0) return i + 1
  }
  if (/^\d+$/.test(s)) {
    const n = Number(s)
    return n >= 1 && n <= Math.max(w, 1) ? n : undefined
  }
  if (/^[A-Za-z]{1,3}$/.test(s)) {
    const n = columnNumber(s)
    return n >= 1 && n <= Math.max(w, 1) ? n : undefined
  }
  return undefined
}

const findHeaderByNames = (rows: Rows, textSpec: string | undefined): number | undefined => {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS)
  if (textSpec !== undefined) {
    for (let r = 1; r <= limit; r++) {
      if (rowOf(rows, r).some((c) => normHeader(cellText(c)) === normHeader(textSpec))) return r
    }
  }
  for (let r = 1; r <= limit; r++) {
    const names = rowOf(rows, r).map((c) => normHeader(cellText(c)))
    if (names.some((n) => TEXT_NAMES.has(n)) && !isDataRow(rows, r)) return r
  }
  // Looser: a header like "Dit svar" or "Kommentar (fritekst)", in a row of at least two
  // labels (a lone title such as "Udsagn fra konferencen" is not a header).
  for (let r = 1; r <= limit; r++) {
    const names = rowOf(rows, r).map((c) => normHeader(cellText(c)))
    if (names.filter((n) => n !== "").length >= 2 && names.some((n) => nameHasWord(n, TEXT_WORDS)) && !isDataRow(rows, r)) {
      return r
    }
  }
  return undefined
}

const KNOWN_NAMES = [TEXT_NAMES, QUESTION_NAMES, UPVOTE_NAMES, SESSION_NAMES, DATE_NAMES, PARTICIPANT_NAMES]

/**
 * A row of a headerless table whose answer happens to be "Feedback" or "Input" is not a header:
 * besides the known name it has a value that recurs in its column (a question asked again),
 * which a header label does not. Taking it for the header would drop every row above it.
 */
const isDataRow = (rows: Rows, r: number): boolean =>
  rowOf(rows, r).some((cell, i) => {
    const value = cellText(cell).trim()
    if (value === "" || KNOWN_NAMES.some((set) => set.has(normHeader(value)))) return false
    for (let x = 1; x <= rows.length; x++) {
      if (x !== r && cellText(rowOf(rows, x)[i]).trim() === value) return true
    }
    return false
  })

/** Names that say "the answer" (rather than "a comment on it"). */
const ANSWER_NAMES = new Set(["svar", "svaret", "besvarelse", "besvarelser", "udsagn", "response", "responses", "answer", "answers", "statement", "statements", "svar/udsagn"])

/** A column whose every value is a closed reply (Ja/Nej, a number, a short code) holds no free text. */
const CLOSED_REPLIES = new Set(["ja", "nej", "yes", "no", "måske", "ved ikke", "maybe", "x", "-"])
const closedAnswers = (rows: Rows, from: number, col: number): boolean => {
  let filled = 0
  let closed = true
  rows.forEach((row, r) => {
    if (!closed || r + 1 < from || row === undefined) return
    const t = cellText(row[col - 1]).trim().toLowerCase()
    if (t === "") return
    filled++
    if (!CLOSED_REPLIES.has(t) && numberOf(row[col - 1]) === undefined) closed = false
  })
  return closed && filled > 0
}

const TEXT_WORDS = new Set([
  "svar", "svaret", "besvarelse", "udsagn", "kommentar", "kommentarer", "fritekst", "response", "responses",
  "answer", "answers", "statement", "comment", "comments", "feedback"
])
const QUESTION_WORDS = new Set(["spørgsmål", "spørgsmålet", "question", "slide"])

const nameHasWord = (name: string, words: ReadonlySet<string>) =>
  name.length <= 40 && name.split(/[^\p{L}]+/u).some((w) => words.has(w))

/** Exact known names first, then names containing a known word. */
const pickByName = (names: ReadonlyArray<string>, exact: ReadonlySet<string>, words: ReadonlySet<string>, not?: number) => {
  const i = names.findIndex((n, idx) => idx + 1 !== not && exact.has(n))
  if (i >= 0) return [i + 1]
  return names.flatMap((n, idx) => (idx + 1 !== not && nameHasWord(n, words) ? [idx + 1] : []))
}

interface ColumnStats {
  readonly col: number
  readonly filled: number
  readonly textual: number
  readonly distinct: number
  readonly avgLength: number
  readonly questionMarks: number
}

/**
 * Per-column statistics of the rows from `from` on. Visits only cells that exist (`forEach`
 * skips the holes of the sparse row arrays), so one far cell (`XFD1048576`) costs one visit,
 * not width × height.
 */
const columnStats = (rows: Rows, from: number, w: number): ReadonlyArray<ColumnStats> => {
  const acc = Array.from({ length: w }, () => ({ values: [] as Array<string>, textual: 0 }))
  rows.forEach((row, r) => {
    if (r + 1 < from || row === undefined) return
    row.forEach((cell, c) => {
      const t = cellText(cell).trim()
      const a = acc[c]
      if (t === "" || a === undefined) return
      a.values.push(t)
      if (numberOf(cell) === undefined && isoDate(cell) === undefined) a.textual++
    })
  })
  return acc.map(({ textual, values }, i) => ({
    col: i + 1,
    filled: values.length,
    textual,
    distinct: new Set(values).size,
    avgLength: values.length ? values.reduce((s, v) => s + v.length, 0) / values.length : 0,
    questionMarks: values.filter((v) => v.endsWith("?")).length
  }))
}

/** Answers are long and varied; a question column repeats a few values. */
const guessColumns = (rows: Rows, from: number, w: number) => {
  const stats = columnStats(rows, from, w).filter((s) => s.filled > 0 && s.textual / s.filled >= 0.5)
  const text = [...stats].sort((a, b) => b.avgLength * (b.distinct / b.filled) - a.avgLength * (a.distinct / a.filled))[0]
  const question = stats
    .filter((s) => s.col !== text?.col && s.filled >= 2 && s.distinct / s.filled <= 0.5)
    .sort((a, b) => b.questionMarks / b.filled - a.questionMarks / a.filled || a.distinct - b.distinct)[0]
  return { text: text?.col, question: question?.col }
}

/** Read a plain table. Left when the answer column cannot be found. */
/**
 * `delimiter`: for a CSV, the field separator. A row with more fields than its header is an
 * answer with unquoted separators in it ("Mere tid, og ro"): the extra fields are joined back
 * onto the answer, wherever the answer column is, and the columns after it move along with them
 * (so the question or the date beside the answer is still read from the right field).
 */
export const readTable = (rows: Rows, sheet: string, options: TableOptions = {}, delimiter?: string): Either.Either<TableRead, TableFailure> => {
  const w = width(rows)
  const isName = (spec: string | undefined) => spec !== undefined && !/^\d+$/.test(spec.trim()) && !/^[A-Za-z]{1,3}$/.test(spec.trim())
  let headerRow = findHeaderByNames(rows, isName(options.textColumn) ? options.textColumn : undefined)
  let header = headerRow !== undefined ? rowOf(rows, headerRow).map((c) => cellText(c)) : undefined
  const names = header?.map(normHeader)

  let textCol: number | undefined
  let questionCol: number | undefined
  let foundBy: TableRead["foundBy"] = options.textColumn !== undefined ? "option" : "name"
  if (options.textColumn !== undefined) {
    textCol = resolveColumn(options.textColumn, header, w)
    if (textCol === undefined) {
      return Either.left({ _tag: "ColumnNotFound", option: "text-column", column: options.textColumn, available: availableColumns(rows, header, w) })
    }
  } else if (headerRow !== undefined && names) {
    // Several answer-like names: the column named as the answer ("Svar") wins over a comment
    // column, even a longer one, unless its values are closed (Ja/Nej): then the free text is the
    // answer. Among equals, the one with the most text.
    const exact = names.flatMap((n, i) => (TEXT_NAMES.has(n) ? [i + 1] : []))
    const candidates = exact.length > 0 ? exact : pickByName(names, TEXT_NAMES, TEXT_WORDS)
    const from = headerRow + 1
    const stats = columnStats(rows, from, w)
    const rank = (col: number) => (closedAnswers(rows, from, col) ? 2 : ANSWER_NAMES.has(names[col - 1] ?? "") ? 0 : 1)
    textCol = candidates.sort((a, b) => rank(a) - rank(b) || (stats[b - 1]?.avgLength ?? 0) - (stats[a - 1]?.avgLength ?? 0))[0]
  }
  if (options.questionColumn !== undefined) {
    questionCol = resolveColumn(options.questionColumn, header, w)
    if (questionCol === undefined) {
      return Either.left({
        _tag: "ColumnNotFound",
        option: "question-column",
        column: options.questionColumn,
        available: availableColumns(rows, header, w)
      })
    }
  } else if (header && names) questionCol = pickByName(names, QUESTION_NAMES, QUESTION_WORDS, textCol)[0]

  if (headerRow === undefined) {
    // No header names we know: judge the columns by their content.
    const firstFilled = rows.findIndex((row) => row !== undefined && !isBlank(row)) + 1
    if (firstFilled === 0) return Either.left({ _tag: "NoTextColumn", detail: "tabellen er tom" })
    const guess = guessColumns(rows, firstFilled, w)
    if (textCol === undefined) foundBy = "content"
    textCol ??= guess.text
    if (options.questionColumn === undefined) questionCol = guess.question !== textCol ? guess.question : undefined
    if (textCol === undefined) return Either.left({ _tag: "NoTextColumn", detail: "ingen kolonne med tekst" })
    // Title rows above the table have nothing in the answer column; skip them.
    let first = firstFilled
    while (first <= rows.length && cellText(rowOf(rows, first)[textCol - 1]).trim() === "") first++
    if (first <= rows.length && looksLikeHeader(rows, first, textCol, questionCol)) {
      headerRow = first
      header = rowOf(rows, first).map((c) => cellText(c))
    } else headerRow = first - 1
  } else if (textCol === undefined) {
    const guess = guessColumns(rows, headerRow + 1, w)
    textCol = guess.text
    foundBy = "content"
    if (textCol === undefined) return Either.left({ _tag: "NoTextColumn", detail: "ingen kolonne med tekst" })
  }

  const hNames = header?.map(normHeader)
  const named = (set: ReadonlySet<string>) => {
    const i = hNames?.findIndex((n, idx) => set.has(n) && idx + 1 !== textCol) ?? -1
    return i >= 0 ? i + 1 : undefined
  }
  const upvotesCol = named(UPVOTE_NAMES)
  const sessionCol = named(SESSION_NAMES)
  const dateCol = named(DATE_NAMES)
  const participantCol = named(PARTICIPANT_NAMES)
  const textHeader = header?.[textCol - 1]?.trim()
  const fallbackQuestion = textHeader && !TEXT_NAMES.has(normHeader(textHeader)) ? textHeader : DEFAULT_QUESTION

  const headerWidth = header ? header.reduce((last, h, i) => (h.trim() !== "" ? i + 1 : last), 0) : 0
  const joinsExtra = delimiter !== undefined && header !== undefined && headerWidth > 0
  const answerCol = textCol
  const usedCols = new Set([textCol, questionCol, upvotesCol, sessionCol, dateCol, participantCol])
  // Text in columns not read, per column, counted in the same pass (for the ledger).
  const tallies = new Map<number, number>()
  const entries: Array<RawEntry> = []
  const people = new Set<string>()
  const dates: Array<string> = []
  let lastQuestion: string | undefined
  for (let r = (headerRow ?? 0) + 1; r <= rows.length; r++) {
    const fields = rowOf(rows, r)
    if (isBlank(fields)) continue
    const extra = joinsExtra ? extraFields(fields, headerWidth) : 0
    const row = extra > 0 ? withAnswerJoined(fields, answerCol, extra, delimiter ?? ",") : fields
    row.forEach((c, i) => {
      if (!usedCols.has(i + 1) && cellText(c).trim() !== "") tallies.set(i + 1, (tallies.get(i + 1) ?? 0) + 1)
    })
    const q = questionCol !== undefined ? cellText(row[questionCol - 1]).replace(/\s+/g, " ").trim() : ""
    // Hand-made tables often write the question once and leave it blank below.
    if (q !== "") lastQuestion = q
    const participant = participantCol !== undefined ? cellText(row[participantCol - 1]).trim() || undefined : undefined
    if (participant !== undefined) people.add(participant)
    const date = dateCol !== undefined ? isoDate(row[dateCol - 1]) : undefined
    if (date !== undefined) dates.push(date)
    entries.push({
      question: lastQuestion ?? fallbackQuestion,
      questionType: "table",
      session: sessionCol !== undefined ? numberOf(row[sessionCol - 1]) : undefined,
      participant,
      date,
      upvotes: upvotesCol !== undefined ? numberOf(row[upvotesCol - 1]) : undefined,
      source: { sheet, row: r, column: textCol },
      raw: cellText(row[textCol - 1])
    })
  }
  const used = new Set([textCol, questionCol, upvotesCol, sessionCol, dateCol, participantCol])
  const { unread, skipped } = countSkipped(rows, sheet, header, headerRow, used, tallies, (n) => TEXT_NAMES.has(n))
  return Either.right({
    entries,
    unread,
    skipped,
    headerRow: header ? headerRow : undefined,
    textColumn: textCol,
    questionColumn: questionCol,
    participants: participantCol !== undefined ? people.size : undefined,
    firstDate: dates.length > 0 ? dates.reduce((a, b) => (b < a ? b : a)) : undefined,
    foundBy
  })
}

/** Fields past the header's last named column, up to the row's last filled field. */
const extraFields = (row: ReadonlyArray<Cell | undefined>, headerWidth: number) => {
  let last = row.length
  while (last > headerWidth && cellText(row[last - 1]).trim() === "") last--
  return Math.max(0, last - headerWidth)
}

/** The row with the answer's field and the `extra` fields after it joined into one. */
const withAnswerJoined = (row: ReadonlyArray<Cell | undefined>, col: number, extra: number, delimiter: string) => [
  ...row.slice(0, col - 1),
  row.slice(col - 1, col + extra).map((c) => cellText(c)).join(delimiter),
  ...row.slice(col + extra)
]

/** A first row whose answer cell is a short label that never recurs is a header, not an answer. */
const looksLikeHeader = (rows: Rows, r: number, textCol: number, questionCol: number | undefined) => {
  const row = rowOf(rows, r)
  const t = cellText(row[textCol - 1]).trim()
  if (t.length > 40 || /[.!?]$/.test(t) || numberOf(row[textCol - 1]) !== undefined) return false
  if (rows.length - r < 1) return false
  const recurs = (col: number, value: string) => {
    for (let x = r + 1; x <= rows.length; x++) if (cellText(rowOf(rows, x)[col - 1]).trim() === value) return true
    return false
  }
  if (recurs(textCol, t)) return false
  if (questionCol !== undefined) {
    const q = cellText(row[questionCol - 1]).trim()
    if (q !== "" && recurs(questionCol, q)) return false
  }
  return true
}

/** Column names for an error message: the header, or a first row that reads like one, or letters. */
const availableColumns = (rows: Rows, header: ReadonlyArray<string> | undefined, w: number): ReadonlyArray<string> => {
  if (header && header.some((h) => h.trim() !== "")) return header.map((h) => h.trim())
  const first = rows.find((row) => row !== undefined && !isBlank(row))
  const labels = first?.map((c) => cellText(c).trim()) ?? []
  const labelLike = labels.length > 0 &&
    first!.every((c) => c === undefined || (typeof c === "string" && numberOf(c) === undefined && c.trim().length <= 40))
  return labelLike ? labels : Array.from({ length: w }, (_, i) => columnLetters(i + 1))
}
