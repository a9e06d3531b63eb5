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
  UnknownLayout,
  UnsupportedFileType
} from "./IngestError.js"
import { isMentiWorkbook, readMentiWorkbook } from "./MentiWorkbook.js"
import { readTable, type TableFailure, type TableRead } from "./TableReader.js"
import { type Workbook, workbookOf } from "./Xlsx.js"
import { MAX_UNPACKED_BYTES, unzipXlsx } from "./XlsxZip.js"

export interface ReadOptions {
  /** Plain tables: the answer column, by header name, letter (`B`) or 1-based number. */
  readonly textColumn?: string
  /** Plain tables: the question column, same forms. */
  readonly questionColumn?: string
}

/** Refuse files larger than this before reading them. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024

/** Limits, adjustable in tests only. */
export interface ReadLimits {
  readonly maxFileBytes: number
  readonly maxUnpackedBytes: number
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
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6)
const isOle = (b: Uint8Array) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0

const tableFailure = (file: string, f: TableFailure): IngestError =>
  f._tag === "ColumnNotFound"
    ? new ColumnNotFound({ file, option: f.option, column: f.column, available: f.available })
    : new UnknownLayout({ file, detail: f.detail })

const fromTable = (layout: Layout, t: TableRead): Parsed => ({
  layout,
  entries: t.entries,
  closedQuestions: [],
  participants: t.participants,
  firstDate: t.firstDate
})

/**
 * A workbook that is not a Menti export: the first sheet whose answer column has a known name
 * (or the one named by the option); failing that, the first sheet where content gives one.
 */
const readWorkbookTable = (wb: Workbook, file: string, options: ReadOptions): Either.Either<Parsed, IngestError> => {
  let firstFailure: TableFailure | undefined
  let byContent: TableRead | undefined
  for (const sheet of wb.sheets) {
    if (sheet.rows.length === 0) continue
    const t = readTable(sheet.rows, sheet.name, options)
    if (Either.isLeft(t)) {
      firstFailure ??= t.left
      continue
    }
    if (t.right.foundBy !== "content") return Either.right(fromTable("table-xlsx", t.right))
    byContent ??= t.right
  }
  if (byContent) return Either.right(fromTable("table-xlsx", byContent))
  return Either.left(
    firstFailure ? tableFailure(file, firstFailure) : new NoStatements({ file, detail: "alle ark er tomme" })
  )
}

export const readExport = (
  fs: FileSystem.FileSystem,
  path: Path.Path,
  file: string,
  options: ReadOptions = {},
  limits: ReadLimits = defaultLimits
): Effect.Effect<IngestResult, IngestError> =>
  Effect.gen(function*() {
    const name = path.basename(file)
    const ext = path.extname(file).toLowerCase()
    const info = yield* fs.stat(file).pipe(
      Effect.mapError((cause) =>
        cause._tag === "SystemError" && cause.reason === "NotFound"
          ? new FileNotFound({ path: file, cause })
          : new FileUnreadable({ path: file, cause })
      )
    )
    if (info.type !== "File") return yield* new FileUnreadable({ path: file })
    const size = Number(info.size)
    if (size === 0) return yield* new EmptyFile({ file: name })
    if (size > limits.maxFileBytes) return yield* new FileTooLarge({ file: name, bytes: size, limit: limits.maxFileBytes })
    const bytes = yield* fs.readFile(file).pipe(Effect.mapError((cause) => new FileUnreadable({ path: file, cause })))

    let parsed: Parsed
    if (isZip(bytes)) {
      const parts = yield* unzipXlsx(bytes, name, limits.maxUnpackedBytes)
      const wb = yield* workbookOf(parts, name)
      if (isMentiWorkbook(wb)) {
        const menti = readMentiWorkbook(wb)
        if (Either.isLeft(menti)) return yield* new UnknownLayout({ file: name, detail: menti.left })
        parsed = { layout: "menti-xlsx", ...menti.right }
      } else {
        parsed = yield* readWorkbookTable(wb, name, options)
      }
    } else if (isOle(bytes)) {
      return yield* new LegacyOrEncryptedWorkbook({ file: name })
    } else if (XLSX_EXT.has(ext)) {
      const text = decodeText(bytes.subarray(0, 4096))
      return yield* new NotASpreadsheet({ file: name, detail: text ? "den indeholder almindelig tekst" : "indholdet er ukendt" })
    } else if (TABLE_TEXT_EXT.has(ext)) {
      const decoded = decodeText(bytes)
      if (decoded === undefined) return yield* new NotText({ file: name })
      const { rows, unclosedQuoteLine } = parseCsv(decoded.text)
      if (unclosedQuoteLine !== undefined) return yield* new MalformedCsv({ file: name, line: unclosedQuoteLine })
      const t = readTable(rows, name, options)
      if (Either.isLeft(t)) return yield* tableFailure(name, t.left)
      parsed = fromTable("table-csv", t.right)
    } else {
      return yield* new UnsupportedFileType({ file: name, extension: ext })
    }

    const assembled = assemble({
      entries: parsed.entries,
      source: name,
      layout: parsed.layout,
      closedQuestions: parsed.closedQuestions.length
    })
    if (assembled.statements.length === 0) {
      const detail = parsed.entries.length > 0
        ? `alle ${parsed.entries.length} svar er tomme eller testsvar`
        : parsed.closedQuestions.length > 0
        ? `kun lukkede spørgsmål (${parsed.closedQuestions.length}), fx multiple choice og skalaer`
        : "kun overskrifter, ingen svar"
      return yield* new NoStatements({ file: name, detail })
    }
    return new IngestResult({
      event: new EventInfo({
        title: eventTitle(name, parsed.firstDate),
        ...(parsed.firstDate !== undefined ? { date: parsed.firstDate } : {}),
        ...(parsed.participants !== undefined && parsed.participants > 0 ? { participants: parsed.participants } : {})
      }),
      questions: assembled.questions,
      statements: assembled.statements,
      closedQuestions: parsed.closedQuestions,
      ledger: assembled.ledger
    })
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
