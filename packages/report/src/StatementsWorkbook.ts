import type { CategorizedResult, CategorizedStatement } from "@udsagn/domain"
import ExcelJS from "exceljs"
import { confidenceWord } from "./Confidence.js"
import { xmlSafe } from "./Format.js"
import { themeLabel } from "./ReportModel.js"

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

// Excel: at most 31 characters, none of []:*?/\ and unique.
const sheetName = (label: string, used: Set<string>): string => {
  const base = label.replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").trim().slice(0, 31) || "Tema"
  let name = base
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} (${i})`
  used.add(name.toLowerCase())
  return name
}

const row = (result: CategorizedResult, s: CategorizedStatement) => [
  safeCellText(s.id),
  safeCellText(s.question),
  safeCellText(s.text),
  safeCellText(s.themes.map((t) => themeLabel(result, t)).join("; ")),
  // A reviewer's themes have no program confidence: the cell says who decided.
  s.overridden ? "rettet" : s.confidence,
  safeCellText(
    s.evidence
      .filter((e) => e.source !== "override")
      .map((e) => `${e.match} (${themeLabel(result, e.theme)})`)
      .filter((v, i, all) => all.indexOf(v) === i)
      .join("; ")
  ),
  safeCellText(s.needsReview ? `ja (${confidenceWord(s.confidence)} sikkerhed)` : "")
]

const addSheet = (
  wb: ExcelJS.Workbook,
  name: string,
  result: CategorizedResult,
  statements: ReadonlyArray<CategorizedStatement>
) => {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] })
  ws.columns = [
    { width: 9 },
    { width: 40 },
    { width: 70 },
    { width: 28 },
    { width: 11, style: { numFmt: "0%" } },
    { width: 40 },
    { width: 16 }
  ]
  ws.addRow([...HEADERS])
  ws.getRow(1).font = { bold: true }
  for (const s of statements) ws.addRow(row(result, s))
  ws.getColumn(3).alignment = { wrapText: true, vertical: "top" }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, statements.length + 1), column: HEADERS.length } }
}

/** All statements on one sheet, then one sheet per theme (and `other`), filters on, header frozen. */
export const statementsWorkbook = async (result: CategorizedResult): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook()
  wb.creator = "udsagn"
  const used = new Set<string>()
  addSheet(wb, sheetName("Alle udsagn", used), result, result.statements)
  const themeIds = [...result.themeSet.themes.map((t) => t.id as string), "other"]
  for (const theme of themeIds) {
    addSheet(
      wb,
      sheetName(themeLabel(result, theme), used),
      result,
      result.statements.filter((s) => (s.themes as ReadonlyArray<string>).includes(theme))
    )
  }
  const buffer = await wb.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}
