import type { CategorizedResult, CategorizedStatement } from "@udsagn/domain"
import ExcelJS from "exceljs"
import { createWriteStream } from "node:fs"
import { Writable } from "node:stream"
import { confidenceWord } from "./Confidence.js"
import { xmlSafe } from "./Format.js"

/**
 * Spreadsheet apps run a cell that starts with `=`, `+`, `-` or `@` (and some also after a
 * leading tab or CR) as a formula. A leading apostrophe keeps it text (OWASP's advice);
 * the full-width forms are included because some apps normalize them.
 */
export const safeCellText = (raw: string): string => {
  const text = xmlSafe(raw)
  return /^[=+\-@\t\r\n＝＋－＠]/u.test(text) ? `'${text}` : text
}

const HEADERS = ["id", "spørgsmål", "udsagn", "temaer", "sikkerhed", "evidens", "til gennemsyn"] as const

/**
 * Up to this many statements the workbook has a sheet per theme besides the one with all;
 * above it only the one sheet (its filter on the "temaer" column picks a theme): every
 * statement once, not twice, in a file people can still open.
 */
export const SHEET_PER_THEME_LIMIT = 10_000

// Excel: at most 31 characters, none of []:*?/\ and unique.
const sheetName = (label: string, used: Set<string>): string => {
  const base = label.replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").trim().slice(0, 31) || "Tema"
  let name = base
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} (${i})`
  used.add(name.toLowerCase())
  return name
}

/** What the workbook is made of (a structured clone of these will do: StatementsWorker.ts). */
export type WorkbookInput = Pick<CategorizedResult, "themeSet" | "statements" | "notes">

const labelsOf = (result: WorkbookInput): ReadonlyMap<string, string> =>
  new Map([
    ...result.themeSet.themes.map((t) => [t.id as string, t.label] as const),
    ["other", result.themeSet.otherLabel] as const
  ])

// Several exports in one analysis: a last column with each statement's event.
const withEvents = (result: WorkbookInput) => result.statements.some((s) => s.event !== undefined)

const row = (labels: ReadonlyMap<string, string>, s: CategorizedStatement, events: boolean) => {
  const label = (t: string) => labels.get(t) ?? t
  const evidence = new Set<string>()
  for (const e of s.evidence) if (e.source !== "override") evidence.add(`${e.match} (${label(e.theme)})`)
  return [
    safeCellText(s.id),
    safeCellText(s.question),
    safeCellText(s.text),
    safeCellText(s.themes.map(label).join("; ")),
    // A reviewer's themes have no program confidence: the cell says who decided.
    s.overridden ? "rettet" : s.confidence,
    safeCellText([...evidence].join("; ")),
    safeCellText(s.needsReview ? `ja (${confidenceWord(s.confidence)} sikkerhed)` : ""),
    ...(events ? [safeCellText(s.event ?? "")] : [])
  ]
}

const COLUMNS: Array<Partial<ExcelJS.Column>> = [
  { width: 9 },
  { width: 40 },
  { width: 70 },
  { width: 28 },
  { width: 11 },
  { width: 40 },
  { width: 16 },
  { width: 28 }
]

// One style object per column, shared by all its cells: exceljs recognizes an object it has seen
// (a style per cell was most of the writing time at 100,000 rows).
const PLAIN: Partial<ExcelJS.Style> = {}
const CELL_STYLES: ReadonlyArray<Partial<ExcelJS.Style>> = [
  PLAIN,
  PLAIN,
  { alignment: { wrapText: true, vertical: "top" } },
  PLAIN,
  { numFmt: "0%" },
  PLAIN,
  PLAIN,
  PLAIN
]
const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } }

const addSheet = (
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  labels: ReadonlyMap<string, string>,
  statements: Iterable<CategorizedStatement>,
  count: number,
  events: boolean
) => {
  const headers = events ? [...HEADERS, "arrangement"] : [...HEADERS]
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] })
  ws.columns = COLUMNS.slice(0, headers.length)
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, count + 1), column: headers.length } }
  const header = ws.addRow(headers)
  header.eachCell((cell) => (cell.style = HEADER_STYLE))
  header.commit()
  // Each row is written out as it is made: the sheet is never held whole.
  for (const s of statements) {
    const r = ws.addRow(row(labels, s, events))
    r.eachCell((cell, column) => (cell.style = CELL_STYLES[column - 1]!))
    r.commit()
  }
  ws.commit()
}

/** Notes from talks and discussions: a sheet of their own, never among the statements. */
const notesSheet = (wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, labels: ReadonlyMap<string, string>, result: WorkbookInput) => {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] })
  ws.columns = [{ width: 9 }, { width: 40 }, { width: 70 }, { width: 28 }]
  const header = ws.addRow(["id", "kilde", "afsnit", "temaer"])
  header.eachCell((cell) => (cell.style = HEADER_STYLE))
  header.commit()
  for (const n of result.notes) {
    const source = n.label === n.file ? n.file : `${n.file}, ${n.label}`
    const r = ws.addRow([safeCellText(n.id), safeCellText(source), safeCellText(n.text), safeCellText(n.themes.map((t) => labels.get(t) ?? t).join("; "))])
    r.eachCell((cell, column) => (cell.style = CELL_STYLES[column - 1]!))
    r.commit()
  }
  ws.commit()
}

function* withTheme(statements: ReadonlyArray<CategorizedStatement>, theme: string) {
  for (const s of statements) if ((s.themes as ReadonlyArray<string>).includes(theme)) yield s
}

/**
 * Streams statements.xlsx into `stream` (exceljs's streaming writer: rows go to the zip as they
 * are made). All statements on one sheet, then (up to SHEET_PER_THEME_LIMIT) one sheet per theme
 * and `other`; filters on, header frozen.
 */
export const writeStatementsWorkbook = async (result: WorkbookInput, stream: Writable): Promise<void> => {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
  wb.creator = "udsagn"
  const labels = labelsOf(result)
  const used = new Set<string>()
  const statements = result.statements
  const events = withEvents(result)
  addSheet(wb, sheetName("Alle udsagn", used), labels, statements, statements.length, events)
  if (statements.length <= SHEET_PER_THEME_LIMIT) {
    for (const theme of [...result.themeSet.themes.map((t) => t.id as string), "other"]) {
      let count = 0
      for (const _ of withTheme(statements, theme)) count++
      addSheet(wb, sheetName(labels.get(theme) ?? theme, used), labels, withTheme(statements, theme), count, events)
    }
  }
  if (result.notes.length > 0) notesSheet(wb, sheetName("Oplæg og drøftelser", used), labels, result)
  await wb.commit()
}

/** statements.xlsx written to `file` as it is made. */
export const writeStatementsWorkbookFile = (result: WorkbookInput, file: string): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file)
    out.on("error", reject)
    out.on("finish", () => resolve())
    writeStatementsWorkbook(result, out).catch((e) => {
      out.destroy()
      reject(e)
    })
  })

/** The whole workbook as bytes (tests, small analyses). */
export const statementsWorkbook = async (result: WorkbookInput): Promise<Uint8Array> => {
  const chunks: Array<Buffer> = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk)
      done()
    }
  })
  const finished = new Promise<void>((resolve, reject) => {
    sink.on("finish", () => resolve())
    sink.on("error", reject)
  })
  await writeStatementsWorkbook(result, sink)
  await finished
  return new Uint8Array(Buffer.concat(chunks))
}
