import { Effect } from "effect"
import type { Cell } from "./Cell.js"
import { CorruptWorkbook, NotASpreadsheet } from "./IngestError.js"
import { resolveRows } from "./WorksheetPart.js"
import { readPart, type Rel, type XlsxPart } from "./XlsxPart.js"

// The fixture writer and tests take the cell helpers from here.
export { type Cell, cellText, columnLetters, columnNumber } from "./Cell.js"

/** One worksheet. `rows[r - 1][c - 1]` is the cell at 1-based row r, column c; gaps are undefined. */
export interface Sheet {
  readonly name: string
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>
}

export interface Workbook {
  readonly sheets: ReadonlyArray<Sheet>
}

/** Resolve a relationship target against the folder of the part that points to it. */
const resolvePart = (fromPart: string, target: string): string => {
  if (target.startsWith("/")) return target.slice(1)
  const base = fromPart.split("/").slice(0, -1)
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop()
    else if (seg !== "." && seg !== "") base.push(seg)
  }
  return base.join("/")
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
const relsPathOf = (part: string) => {
  const slash = part.lastIndexOf("/")
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

const relsOf = (part: XlsxPart | undefined): ReadonlyArray<Rel> => (part?.kind === "rels" ? part.rels : [])

/** Why a zip without a workbook part is not a spreadsheet, when we can tell what it is instead. */
const notASpreadsheet = (parts: ReadonlyMap<string, XlsxPart>, workbookPath: string) =>
  parts.has("word/document.xml")
    ? "det er et Word-dokument"
    : parts.has("content.xml")
    ? "det er et OpenDocument-regneark (.ods); gem det som .xlsx"
    : workbookPath.endsWith(".bin")
    ? "det er en binær Excel-fil (.xlsb); gem den som .xlsx"
    : "zip-filen har ingen regneark"

/**
 * Build the workbook from its parts, following the relationships from the package root to the
 * workbook and from it to each sheet. Fails when the zip is not a spreadsheet, or when a part the
 * workbook needs is malformed or cut off (a damaged part must not pass for a whole sheet).
 */
export const workbookOf = (parts: ReadonlyMap<string, XlsxPart>, path: string) =>
  Effect.gen(function*() {
    const officeDoc = relsOf(parts.get("_rels/.rels")).find((r) => r.type.endsWith("/officeDocument"))
    const workbookPath = officeDoc ? resolvePart("", officeDoc.target) : "xl/workbook.xml"
    const workbook = parts.get(workbookPath)
    if (workbook === undefined) return yield* new NotASpreadsheet({ path, detail: notASpreadsheet(parts, workbookPath) })
    if (workbook.kind !== "workbook") return yield* new CorruptWorkbook({ path })
    const rels = relsOf(parts.get(relsPathOf(workbookPath)))
    const partOf = (rel: Rel | undefined) => (rel ? parts.get(resolvePart(workbookPath, rel.target)) : undefined)
    const sharedRel = rels.find((r) => r.type.endsWith("/sharedStrings"))
    const shared = sharedRel ? partOf(sharedRel) : parts.get("xl/sharedStrings.xml")
    if (shared !== undefined && shared.kind !== "sharedStrings") return yield* new CorruptWorkbook({ path })
    const strings = shared?.strings ?? []
    const sheets: Array<Sheet> = []
    // Each part is one sheet, however many entries point at it (a crafted workbook lists one
    // part 200 times, which would read its answers 200 times).
    const used = new Set<unknown>()
    for (const ref of workbook.sheets) {
      const part = ref.id !== undefined ? partOf(rels.find((r) => r.id === ref.id)) : undefined
      if (part?.kind === "broken") return yield* new CorruptWorkbook({ path })
      if (part !== undefined && used.has(part)) continue
      used.add(part)
      // Chart sheets and dialog sheets have no cells; a missing part is simply an empty sheet.
      sheets.push({ name: ref.name, rows: part?.kind === "worksheet" ? resolveRows(part.cells, strings) : [] })
    }
    if (sheets.length === 0) return yield* new NotASpreadsheet({ path, detail: "regnearket har ingen ark" })
    return { sheets } satisfies Workbook
  })

/** The workbook from parts given as text (tests, and anything that already holds the XML). */
export const parseWorkbook = (parts: ReadonlyMap<string, string>, path: string) =>
  workbookOf(new Map([...parts].map(([name, xml]) => [name, readPart(xml)])), path)
