import type { CategorizedResult, CategorizedStatement } from "@udsagn/domain"
import { createWriteStream } from "node:fs"
import { Writable } from "node:stream"
import { confidenceWord } from "./Confidence.js"
import { xmlSafe } from "./Format.js"
import { escapeHtml } from "./Html.js"
import { ZipWriter } from "./ZipWriter.js"

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

const WIDTHS = [9, 40, 70, 28, 11, 40, 16, 28]

// Cell formats (styles.xml's cellXfs): 0 plain, 1 bold (the header), 2 wrapped at the top (the
// statement's text), 3 a percentage (the confidence).
const HEADER_STYLE = 1
const CELL_STYLES: ReadonlyArray<number> = [0, 0, 2, 0, 3, 0, 0, 0]

const COLUMN_LETTERS = "ABCDEFGH"

// A cell as exceljs wrote them (a string as t="str", its text in <v>), with its format.
const cellXml = (ref: string, value: string | number, style: number): string => {
  const s = style === 0 ? "" : ` s="${style}"`
  return typeof value === "number" ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s} t="str"><v>${escapeHtml(value)}</v></c>`
}

const rowXml = (r: number, values: ReadonlyArray<string | number>, styles: (column: number) => number): string => {
  let out = `<row r="${r}">`
  for (let c = 0; c < values.length; c++) out += cellXml(`${COLUMN_LETTERS[c]}${r}`, values[c]!, styles(c))
  return `${out}</row>`
}

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/** A sheet's XML in pieces: header frozen and filtered, then one row per item, as they are made. */
function* sheetXml(headers: ReadonlyArray<string>, rows: Iterable<ReadonlyArray<string | number>>, count: number): Generator<string> {
  const last = COLUMN_LETTERS[headers.length - 1]
  yield `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>` +
    headers.map((_, c) => `<col min="${c + 1}" max="${c + 1}" width="${WIDTHS[c]}" customWidth="1"/>`).join("") +
    `</cols><sheetData>${rowXml(1, headers, () => HEADER_STYLE)}`
  let r = 1
  for (const values of rows) yield rowXml(++r, values, (c) => CELL_STYLES[c]!)
  yield `</sheetData><autoFilter ref="A1:${last}${Math.max(1, count + 1)}"/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
  `<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

interface Sheet {
  readonly name: string
  readonly xml: Iterable<string>
}

/** The workbook's sheets, written one after the other with the parts that name them. */
const writeWorkbook = async (sheets: Iterable<Sheet>, stream: Writable): Promise<void> => {
  const zip = new ZipWriter(stream)
  const names: Array<string> = []
  for (const sheet of sheets) {
    names.push(sheet.name)
    await zip.add(`xl/worksheets/sheet${names.length}.xml`, sheet.xml)
  }
  const sheetIds = names.map((_, i) => i + 1)
  await zip.add("xl/styles.xml", [STYLES])
  await zip.add("xl/workbook.xml", [
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
    names.map((name, i) => `<sheet name="${escapeHtml(name)}" sheetId="${sheetIds[i]}" r:id="rId${i + 2}"/>`).join("") +
    `</sheets></workbook>`
  ])
  await zip.add("xl/_rels/workbook.xml.rels", [
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    sheetIds.map((id) => `<Relationship Id="rId${id + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${id}.xml"/>`).join("") +
    `</Relationships>`
  ])
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z")
  await zip.add("docProps/core.xml", [
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>udsagn</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`
  ])
  await zip.add("docProps/app.xml", [
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>udsagn</Application></Properties>`
  ])
  await zip.add("_rels/.rels", [
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`
  ])
  await zip.add("[Content_Types].xml", [
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    sheetIds.map((id) => `<Override PartName="/xl/worksheets/sheet${id}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`
  ])
  await zip.finish()
}

function* rowsOf(labels: ReadonlyMap<string, string>, statements: Iterable<CategorizedStatement>, events: boolean) {
  for (const s of statements) yield row(labels, s, events)
}

/**
 * Streams statements.xlsx into `stream`, each sheet deflated as its rows are made (written here:
 * a spreadsheet library took most of a run's time at 10,000 statements). All statements on one
 * sheet, then (up to SHEET_PER_THEME_LIMIT) one sheet per theme and `other`; filters on, header
 * frozen; notes from talks on a sheet of their own. Ends `stream`.
 */
export const writeStatementsWorkbook = async (result: WorkbookInput, stream: Writable): Promise<void> => {
  const labels = labelsOf(result)
  const used = new Set<string>()
  const statements = result.statements
  const events = withEvents(result)
  const headers = events ? [...HEADERS, "arrangement"] : [...HEADERS]
  function* sheets(): Generator<Sheet> {
    if (statements.length > SHEET_PER_THEME_LIMIT) {
      yield { name: sheetName("Alle udsagn", used), xml: sheetXml(headers, rowsOf(labels, statements, events), statements.length) }
    } else {
      // Each statement's cells made once, for its rows on the sheet with all and on its themes'.
      const rows = statements.map((s) => row(labels, s, events))
      yield { name: sheetName("Alle udsagn", used), xml: sheetXml(headers, rows, rows.length) }
      for (const theme of [...result.themeSet.themes.map((t) => t.id as string), "other"]) {
        const mine = rows.filter((_, i) => (statements[i]!.themes as ReadonlyArray<string>).includes(theme))
        yield { name: sheetName(labels.get(theme) ?? theme, used), xml: sheetXml(headers, mine, mine.length) }
      }
    }
    if (result.notes.length > 0) {
      const notes = result.notes.map((n) => {
        const source = n.label === n.file ? n.file : `${n.file}, ${n.label}`
        return [safeCellText(n.id), safeCellText(source), safeCellText(n.text), safeCellText(n.themes.map((t) => labels.get(t) ?? t).join("; "))]
      })
      yield { name: sheetName("Oplæg og drøftelser", used), xml: sheetXml(["id", "kilde", "afsnit", "temaer"], notes, notes.length) }
    }
  }
  await writeWorkbook(sheets(), stream)
  stream.end()
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
