import { FileSystem, Path } from "@effect/platform"
import { EventInfo, IngestResult } from "@udsagn/domain/Analysis"
import type { ClosedQuestion } from "@udsagn/domain/ClosedQuestion"
import type { Layout } from "@udsagn/domain/Ledger"
import { Effect, Either } from "effect"
import { assemble, type RawEntry } from "./Assemble.js"
import { decodeText, parseCsv } from "./CsvDecode.js"
import { eventTitle } from "./EventTitle.js"
import {
  ColumnNotFound,
  EmptyFile,
  FileNotFound,
  FileTooLarge,
  FileUnreadable,
  type IngestError,
  LegacyOrEncryptedWorkbook,
  MalformedCsv,
  NoStatements,
  NotASpreadsheet,
  NotText,
  TooManyStatements,
  UnknownLayout,
  UnsupportedFileType
} from "./IngestError.js"
import { isMentiWorkbook, readMentiWorkbook } from "./MentiWorkbook.js"
import { type SkippedCells, sheetNotRead } from "./SkippedCells.js"
import { readTable, type TableFailure, type TableRead } from "./TableReader.js"
import { type Workbook, workbookOf } from "./Xlsx.js"

type Sheet = Workbook["sheets"][number]
import { MAX_UNPACKED_BYTES, unzipXlsx } from "./XlsxZip.js"

export interface ReadOptions {
  /** Plain tables: the answer column, by header name, letter (`B`) or 1-based number. */
  readonly textColumn?: string
  /** Plain tables: the question column, same forms. */
  readonly questionColumn?: string
}

/** Refuse files larger than this before reading them. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024
/** Answers one analysis takes (a conference has hundreds; a bench 100,000). */
export const MAX_STATEMENTS = 250_000

/** Limits, adjustable in tests only. */
export interface ReadLimits {
  readonly maxFileBytes: number
  readonly maxUnpackedBytes: number
  /** Answers read (rows with text); default MAX_STATEMENTS. */
  readonly maxStatements?: number | undefined
}
const defaultLimits: ReadLimits = { maxFileBytes: MAX_FILE_BYTES, maxUnpackedBytes: MAX_UNPACKED_BYTES }

const TABLE_TEXT_EXT = new Set([".csv", ".txt", ".tsv", ""])
const XLSX_EXT = new Set([".xlsx", ".xlsm", ".xls"])

interface Parsed {
  readonly layout: Layout
  readonly entries: ReadonlyArray<RawEntry>
  readonly closedQuestions: ReadonlyArray<ClosedQuestion>
  readonly participants: number | undefined
  readonly firstDate: string | undefined
  /** Answer-like columns a table reader left unread. */
  readonly unread?: TableRead["unread"]
  /** Other cells with text the reader passed over, by reason. */
  readonly skipped?: ReadonlyArray<SkippedCells>
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6)
const isOle = (b: Uint8Array) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0

/** A table that gave no answers, as an error; `sheet` when it is one sheet of a workbook. */
const tableFailure = (path: string, f: TableFailure, sheet?: string): IngestError =>
  f._tag === "ColumnNotFound"
    ? new ColumnNotFound({ path, option: f.option, column: f.column, available: f.available, sheet })
    : new UnknownLayout({ path, detail: f.detail, sheet })

const fromTable = (layout: Layout, t: TableRead): Parsed => ({
  layout,
  entries: t.entries,
  closedQuestions: [],
  participants: t.participants,
  firstDate: t.firstDate,
  unread: t.unread,
  skipped: t.skipped
})

/**
 * A workbook that is not a Menti export: every sheet whose answer column has a known name (or
 * the one named by the option), in sheet order, each statement carrying its sheet; failing
 * that, every sheet where content gives one. A second table sheet is read, not dropped.
 */
const readWorkbookTable = (wb: Workbook, path: string, options: ReadOptions): Either.Either<Parsed, IngestError> => {
  let firstFailure: { readonly failure: TableFailure; readonly sheet: string } | undefined
  const byName: Array<{ readonly rows: Sheet["rows"]; readonly name: string; readonly table: TableRead }> = []
  const byContent: Array<{ readonly rows: Sheet["rows"]; readonly name: string; readonly table: TableRead }> = []
  const failed: Array<Sheet> = []
  for (const sheet of wb.sheets) {
    if (sheet.rows.length === 0) continue
    const t = readTable(sheet.rows, sheet.name, options)
    if (Either.isLeft(t)) {
      firstFailure ??= { failure: t.left, sheet: sheet.name }
      failed.push(sheet)
      continue
    }
    ;(t.right.foundBy === "content" ? byContent : byName).push({ rows: sheet.rows, name: sheet.name, table: t.right })
  }
  const tables = byName.length > 0 ? byName : byContent
  if (tables.length > 0) {
    // Sheets with text that gave no table (or only a guessed one beside named tables) are
    // accounted for in the ledger, cell by cell, not dropped without a word.
    const notRead = [
      ...failed.map((s) => ({ rows: s.rows, name: s.name })),
      ...(tables === byName ? byContent : [])
    ]
    const combined = combineTables("table-xlsx", tables.map((t) => t.table))
    return Either.right({
      ...combined,
      skipped: [...(combined.skipped ?? []), ...notRead.flatMap((s) => sheetNotRead(s.rows, s.name))]
    })
  }
  return Either.left(
    firstFailure
      ? tableFailure(path, firstFailure.failure, firstFailure.sheet)
      : new NoStatements({ path, detail: "alle ark er tomme" })
  )
}

/**
 * Several sheets' tables as one: entries in sheet order, the earliest date, and as participants
 * the most any sheet had (the same people may answer on several sheets; the report says "mindst").
 */
const combineTables = (layout: Layout, tables: ReadonlyArray<TableRead>): Parsed => {
  const parts = tables.map((t) => fromTable(layout, t))
  if (parts.length === 1) return parts[0]!
  const participants = parts.map((p) => p.participants).filter((n): n is number => n !== undefined)
  const dates = parts.map((p) => p.firstDate).filter((d): d is string => d !== undefined)
  return {
    layout,
    entries: parts.flatMap((p) => p.entries),
    unread: parts.flatMap((p) => p.unread ?? []),
    skipped: parts.flatMap((p) => p.skipped ?? []),
    closedQuestions: [],
    participants: participants.length > 0 ? participants.reduce((a, b) => Math.max(a, b), 0) : undefined,
    firstDate: dates.length > 0 ? dates.reduce((a, b) => (b < a ? b : a)) : undefined
  }
}

/** The file's bytes, after refusing what is missing, not a file, empty or too large. */
const readBytes = (fs: FileSystem.FileSystem, file: string, limits: ReadLimits) =>
  Effect.gen(function*() {
    const info = yield* fs.stat(file).pipe(
      Effect.mapError((cause) =>
        cause._tag === "SystemError" && cause.reason === "NotFound"
          ? new FileNotFound({ path: file, cause })
          : new FileUnreadable({ path: file, cause })
      )
    )
    if (info.type !== "File") return yield* new FileUnreadable({ path: file })
    const size = Number(info.size)
    if (size === 0) return yield* new EmptyFile({ path: file })
    if (size > limits.maxFileBytes) return yield* new FileTooLarge({ path: file, bytes: size, limit: limits.maxFileBytes })
    return yield* fs.readFile(file).pipe(Effect.mapError((cause) => new FileUnreadable({ path: file, cause })))
  })

/** A zip: an xlsx, read as a Menti export when it has Menti's sheet names, else as a table. */
const parseXlsx = (bytes: Uint8Array, file: string, options: ReadOptions, limits: ReadLimits) =>
  Effect.gen(function*() {
    const parts = yield* unzipXlsx(bytes, file, limits.maxUnpackedBytes)
    const wb = yield* workbookOf(parts, file)
    if (!isMentiWorkbook(wb)) return yield* readWorkbookTable(wb, file, options)
    const menti = readMentiWorkbook(wb)
    if (Either.isLeft(menti)) return yield* new UnknownLayout({ path: file, ...menti.left })
    return { layout: "menti-xlsx", ...menti.right } satisfies Parsed
  })

/** A text file: a CSV (or tab-separated) table. */
const parseCsvTable = (bytes: Uint8Array, file: string, sheet: string, options: ReadOptions) =>
  Effect.gen(function*() {
    const decoded = decodeText(bytes)
    if (decoded === undefined) return yield* new NotText({ path: file })
    const { delimiter, rows, unclosedQuoteLine } = parseCsv(decoded.text)
    if (unclosedQuoteLine !== undefined) return yield* new MalformedCsv({ path: file, line: unclosedQuoteLine })
    const t = readTable(rows, sheet, options, delimiter)
    if (Either.isLeft(t)) return yield* tableFailure(file, t.left)
    return fromTable("table-csv", t.right)
  })

/** By the bytes first (zip, OLE), then by the extension. */
const parse = (bytes: Uint8Array, file: string, path: Path.Path, options: ReadOptions, limits: ReadLimits) => {
  const ext = path.extname(file).toLowerCase()
  if (isZip(bytes)) return parseXlsx(bytes, file, options, limits)
  if (isOle(bytes)) return Effect.fail(new LegacyOrEncryptedWorkbook({ path: file }))
  if (XLSX_EXT.has(ext)) {
    const text = decodeText(bytes.subarray(0, 4096))
    return Effect.fail(
      new NotASpreadsheet({ path: file, detail: text ? "den indeholder almindelig tekst" : "indholdet er ukendt" })
    )
  }
  if (TABLE_TEXT_EXT.has(ext)) return parseCsvTable(bytes, file, path.basename(file), options)
  return Effect.fail(new UnsupportedFileType({ path: file, extension: ext }))
}

/** Why nothing was kept, for NoStatements. */
const nothingKept = (parsed: Parsed) =>
  parsed.entries.length > 0
    ? `alle ${parsed.entries.length} svar er sorteret fra som tomme, testsvar, kun tegnsætning eller over 5.000 tegn`
    : parsed.closedQuestions.length > 0
    ? `kun lukkede spørgsmål (${parsed.closedQuestions.length}), fx multiple choice og skalaer`
    : "kun overskrifter, ingen svar"

export const readExport = (
  fs: FileSystem.FileSystem,
  path: Path.Path,
  file: string,
  options: ReadOptions = {},
  limits: ReadLimits = defaultLimits
): Effect.Effect<IngestResult, IngestError> =>
  Effect.gen(function*() {
    const name = path.basename(file)
    const bytes = yield* readBytes(fs, file, limits)
    const parsed: Parsed = yield* parse(bytes, file, path, options, limits)
    const maxStatements = limits.maxStatements ?? MAX_STATEMENTS
    if (parsed.entries.length > maxStatements) {
      return yield* new TooManyStatements({ path: file, count: parsed.entries.length, limit: maxStatements })
    }
    const assembled = assemble({
      entries: parsed.entries,
      source: name,
      layout: parsed.layout,
      closedQuestions: parsed.closedQuestions,
      unread: parsed.unread ?? [],
      skipped: parsed.skipped ?? []
    })
    if (assembled.statements.length === 0) return yield* new NoStatements({ path: file, detail: nothingKept(parsed) })
    return new IngestResult({
      event: new EventInfo({
        // From the masked file name: a CPR number or phone number in a file name stays out of the title.
        title: eventTitle(assembled.ledger.source, parsed.firstDate),
        ...(parsed.firstDate !== undefined ? { date: parsed.firstDate } : {}),
        ...(parsed.participants !== undefined && parsed.participants > 0 ? { participants: parsed.participants } : {})
      }),
      questions: assembled.questions,
      statements: assembled.statements,
      closedQuestions: assembled.closedQuestions,
      ledger: assembled.ledger
    }, true) // our own objects, each made by its class: checking 100,000 statements again cost seconds
  })

/** Reads a Menti export or a plain table (csv/xlsx) into statements, closed questions and a ledger. */
export class ExportReader extends Effect.Service<ExportReader>()("@udsagn/ingest/ExportReader", {
  effect: Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const read = Effect.fn("ExportReader.read")(function*(file: string, options?: ReadOptions) {
      return yield* readExport(fs, path, file, options)
    })
    return { read } as const
  })
}) {}
