import { formatDate } from "@udsagn/danish/Format"
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from "docx"
import ExcelJS from "exceljs"
import { count, listAnd, xmlSafe } from "./Format.js"
import { safeCellText } from "./StatementsWorkbook.js"

// The register of recommendations as the committee's overview (issue 15): `anbefalinger.docx`
// grouped by status, each recommendation with where it was raised and how many stand behind
// it, and `anbefalinger.xlsx` with one row per recommendation.

export interface RegisterOrigin {
  readonly event: string
  readonly date?: string
}

/** One recommendation of the register, as the overview shows it. */
export interface RegisterRow {
  readonly text: string
  readonly themeLabel: string
  readonly subTopic?: string
  /** One of forslag, drøftet, besluttet, i gang, afvist. */
  readonly status: string
  readonly date: string
  readonly note: string
  /** The conference it was sent from, then the others a person linked it to. */
  readonly origins: ReadonlyArray<RegisterOrigin>
  readonly statementCount: number
  readonly supporters?: number
  readonly statements: ReadonlyArray<string>
}

export interface RegisterExportOptions {
  /** What the overview covers, e.g. "Alle anbefalinger" or the filters chosen. */
  readonly scope: string
  /** When it was made (ISO). */
  readonly madeAt: string
}

/** The order of the overview: what the committee works on first, declined last. */
export const statusOrder: ReadonlyArray<{ readonly status: string; readonly heading: string }> = [
  { status: "i gang", heading: "I gang – igangsatte initiativer" },
  { status: "besluttet", heading: "Besluttet" },
  { status: "drøftet", heading: "Drøftet" },
  { status: "forslag", heading: "Forslag, der venter på udvalget" },
  { status: "afvist", heading: "Afvist" }
]

const originText = (o: RegisterOrigin) => (o.date !== undefined && !o.event.includes(formatDate(o.date)) ? `${o.event}, ${formatDate(o.date)}` : o.event)

export const originsLine = (r: RegisterRow) => {
  const names = listAnd(r.origins.map(originText))
  return r.origins.length > 1 ? `Rejst på ${r.origins.length} konferencer: ${names}` : `Fra ${names}`
}

export const supportLine = (r: RegisterRow) =>
  r.supporters !== undefined
    ? `foreslået af ${count(r.supporters, "deltager", "deltagere")} (${count(r.statementCount, "udsagn", "udsagn")})`
    : `bygger på ${count(r.statementCount, "udsagn", "udsagn")} fra deltagerne`

const themeText = (r: RegisterRow) => (r.subTopic !== undefined ? `${r.themeLabel} – ${r.subTopic}` : r.themeLabel)

const para = (children: Array<TextRun>, after = 80) => new Paragraph({ children, spacing: { after } })
const run = (text: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}) => new TextRun({ text: xmlSafe(text), ...options })

/** `anbefalinger.docx`: the register grouped by status, for the committee's minutes. */
export const registerDocx = async (rows: ReadonlyArray<RegisterRow>, options: RegisterExportOptions): Promise<Uint8Array> => {
  const children: Array<Paragraph> = [
    new Paragraph({ text: "Oversigt over anbefalinger", heading: HeadingLevel.TITLE }),
    para([run(`${options.scope}. Udtrukket af udsagn ${formatDate(options.madeAt.slice(0, 10))}: ${count(rows.length, "anbefaling", "anbefalinger")}.`)], 200)
  ]
  if (rows.length === 0) children.push(para([run("Registret har ingen anbefalinger, der passer til det valgte.")]))
  const known = new Set(statusOrder.map((s) => s.status))
  const groups = [...statusOrder, ...[...new Set(rows.map((r) => r.status))].filter((s) => !known.has(s)).map((s) => ({ status: s, heading: s }))]
  for (const group of groups) {
    const inGroup = rows.filter((r) => r.status === group.status)
    if (inGroup.length === 0) continue
    children.push(new Paragraph({ text: `${group.heading} (${inGroup.length})`, heading: HeadingLevel.HEADING_1, spacing: { before: 360, after: 120 } }))
    inGroup.forEach((r, i) => {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 80 }, children: [run(`${i + 1}. ${r.text}`)] }))
      children.push(para([run("Tema: ", { bold: true }), run(themeText(r))]))
      children.push(para([run("Oprindelse: ", { bold: true }), run(`${originsLine(r)}; ${supportLine(r)}.`)]))
      children.push(para([run("Status: ", { bold: true }), run(`${r.status.charAt(0).toUpperCase()}${r.status.slice(1)} ${formatDate(r.date)}`)]))
      if (r.note !== "") children.push(para([run("Note: ", { bold: true }), run(r.note)]))
      if (r.statements.length > 0) {
        const shown = r.statements.slice(0, 30).join(", ")
        children.push(para([run(`Udsagn: ${shown}${r.statements.length > 30 ? ` og ${r.statements.length - 30} flere` : ""}`, { color: "555555" })], 160))
      }
    })
  }
  const doc = new Document({
    creator: "udsagn",
    title: "Oversigt over anbefalinger",
    description: options.scope,
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    sections: [{
      footers: {
        default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["Oversigt over anbefalinger – side ", PageNumber.CURRENT] })] })] })
      },
      children
    }]
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

const HEADERS = ["status", "dato", "anbefaling", "tema", "undertema", "konferencer", "rejst på", "deltagere", "udsagn", "note", "udsagnenes id'er"] as const

/** `anbefalinger.xlsx`: one row per recommendation, in the overview's order, filters on. */
export const registerWorkbook = async (rows: ReadonlyArray<RegisterRow>): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook()
  wb.creator = "udsagn"
  const ws = wb.addWorksheet("Anbefalinger", { views: [{ state: "frozen", ySplit: 1 }] })
  ws.columns = [{ width: 12 }, { width: 12 }, { width: 70 }, { width: 26 }, { width: 24 }, { width: 40 }, { width: 10 }, { width: 11 }, { width: 9 }, { width: 40 }, { width: 30 }]
  ws.addRow([...HEADERS])
  ws.getRow(1).font = { bold: true }
  const rank = (s: string) => { const i = statusOrder.findIndex((o) => o.status === s); return i < 0 ? statusOrder.length : i }
  const sorted = [...rows].sort((a, b) => rank(a.status) - rank(b.status))
  for (const r of sorted) {
    ws.addRow([
      safeCellText(r.status),
      safeCellText(r.date),
      safeCellText(r.text),
      safeCellText(r.themeLabel),
      safeCellText(r.subTopic ?? ""),
      safeCellText(r.origins.map(originText).join("; ")),
      r.origins.length,
      r.supporters ?? "",
      r.statementCount,
      safeCellText(r.note),
      safeCellText(r.statements.join(", "))
    ])
  }
  ws.getColumn(3).alignment = { wrapText: true, vertical: "top" }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sorted.length + 1), column: HEADERS.length } }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}
