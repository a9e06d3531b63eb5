import { Effect } from "effect"
import { TextDecoder } from "node:util"
import yauzl from "yauzl"
import { CorruptWorkbook, NotASpreadsheet, TooLargeWhenUnpacked } from "./IngestError.js"
import { attributes, decodeOoxmlEscapes, xmlTokens } from "./Xml.js"

/** A cell value as stored: shared/inline strings as text, numbers as numbers. */
export type Cell = string | number | boolean

/** One worksheet. `rows[r - 1][c - 1]` is the cell at 1-based row r, column c; gaps are undefined. */
export interface Sheet {
  readonly name: string
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>
}

export interface Workbook {
  readonly sheets: ReadonlyArray<Sheet>
}

/** Refuse an xlsx whose parts would inflate past this (checked in the central directory and while inflating). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024
const MAX_ENTRIES = 10_000
// SpreadsheetML's own limits; anything beyond is not a real cell.
const MAX_ROW = 1_048_576
const MAX_COL = 16_384

// Parts that never hold cell values: not inflated at all.
const SKIP = /^(?:xl\/(?:theme|media|drawings|charts|printerSettings|externalLinks|pivotCache|pivotTables|embeddings|diagrams|ctrlProps|activeX|customXml)\/|docProps\/|customXml\/|xl\/styles\.xml$|xl\/vbaProject)/i

/**
 * Inflate the XML parts of an xlsx held in memory, refusing before inflating when the central
 * directory declares more than `limit` bytes, and counting the bytes actually inflated (headers
 * can lie) so a crafted file is cut off at the limit instead of filling memory.
 */
export const unzipXlsx = (bytes: Uint8Array, file: string, limit: number = MAX_UNPACKED_BYTES) =>
  Effect.tryPromise({
    try: async (signal) => {
      const zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        lazyEntries: true,
        decodeStrings: true,
        validateEntrySizes: true,
        strictFileNames: false
      })
      try {
        if (zip.entryCount > MAX_ENTRIES) throw new Refused(new CorruptWorkbook({ file }))
        const entries: Array<yauzl.Entry> = []
        let declared = 0
        for await (const entry of zip.eachEntry()) {
          declared += entry.uncompressedSize
          entries.push(entry)
        }
        if (declared > limit) throw new Refused(new TooLargeWhenUnpacked({ file, bytes: declared, limit }))
        const parts = new Map<string, string>()
        let inflated = 0
        for (const entry of entries) {
          if (signal.aborted) break
          const name = entry.fileName.replace(/\\/g, "/").replace(/^\/+/, "")
          if (name.endsWith("/") || SKIP.test(name) || !/\.(?:xml|rels)$/i.test(name)) continue
          const stream = await zip.openReadStreamPromise(entry)
          // Decode as we go, so the inflated bytes are not held twice (bytes and text).
          let decoder: TextDecoder | undefined
          const text: Array<string> = []
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            inflated += chunk.length
            if (inflated > limit) {
              stream.destroy()
              throw new Refused(new TooLargeWhenUnpacked({ file, bytes: inflated, limit }))
            }
            decoder ??= decoderFor(chunk)
            text.push(decoder.decode(chunk, { stream: true }))
          }
          if (decoder) text.push(decoder.decode())
          parts.set(name, text.join(""))
        }
        return parts
      } finally {
        zip.close()
      }
    },
    catch: (cause) => (cause instanceof Refused ? cause.error : new CorruptWorkbook({ file, cause }))
  })

class Refused {
  constructor(readonly error: TooLargeWhenUnpacked | CorruptWorkbook) {}
}

/** XML parts are UTF-8 (a BOM is dropped) unless a UTF-16 BOM says otherwise. */
const decoderFor = (first: Uint8Array): TextDecoder =>
  first[0] === 0xff && first[1] === 0xfe
    ? new TextDecoder("utf-16le")
    : first[0] === 0xfe && first[1] === 0xff
    ? new TextDecoder("utf-16be")
    : new TextDecoder("utf-8")

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

const relsPathOf = (part: string) => {
  const dir = part.split("/").slice(0, -1).join("/")
  const name = part.split("/").pop()!
  return `${dir ? dir + "/" : ""}_rels/${name}.rels`
}

interface Rel {
  readonly id: string
  readonly type: string
  readonly target: string
}

const parseRels = (xml: string | undefined): ReadonlyArray<Rel> => {
  if (xml === undefined) return []
  const rels: Array<Rel> = []
  for (const t of xmlTokens(xml)) {
    if (t.kind === "open" && t.name === "Relationship") {
      const a = attributes(t.attrs)
      if (a.Id !== undefined && a.Target !== undefined) rels.push({ id: a.Id, type: a.Type ?? "", target: a.Target })
    }
  }
  return rels
}

/** Column letters to 1-based number (`A` → 1, `AJ` → 36). */
export const columnNumber = (letters: string): number => {
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}

/** 1-based column number to letters. */
export const columnLetters = (n: number): string => {
  let s = ""
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

const parseSharedStrings = (xml: string | undefined): ReadonlyArray<string> | undefined => {
  if (xml === undefined) return []
  if (!/<\/(?:\w+:)?sst>\s*$/.test(xml) && !/<(?:\w+:)?sst\b[^>]*\/>\s*$/.test(xml)) return undefined
  const out: Array<string> = []
  let current: Array<string> | undefined
  let inT = false
  let phonetic = 0
  for (const t of xmlTokens(xml)) {
    if (t.kind === "open") {
      if (t.name === "si") {
        current = []
        if (t.selfClosing) {
          out.push("")
          current = undefined
        }
      } else if (t.name === "rPh") phonetic += t.selfClosing ? 0 : 1
      else if (t.name === "t" && !t.selfClosing) inT = true
    } else if (t.kind === "close") {
      if (t.name === "si" && current) {
        out.push(decodeOoxmlEscapes(current.join("")))
        current = undefined
      } else if (t.name === "rPh") phonetic = Math.max(0, phonetic - 1)
      else if (t.name === "t") inT = false
    } else if (inT && phonetic === 0 && current) current.push(t.text)
  }
  return out
}

/** Undefined when the XML stops before `</worksheet>`: a cut-off part must not pass for a whole sheet. */
const parseSheet = (name: string, xml: string, shared: ReadonlyArray<string>): Sheet | undefined => {
  const rows: Array<Array<Cell | undefined> | undefined> = []
  let rowNo = 0
  let colNo = 0
  let cellType = "n"
  let value: Array<string> | undefined
  let inline: Array<string> | undefined
  let inV = false
  let inT = false
  let phonetic = 0
  let inCell = false
  let closed = false

  const store = (raw: string | undefined) => {
    if (raw === undefined || rowNo < 1 || rowNo > MAX_ROW || colNo < 1 || colNo > MAX_COL) return
    let cell: Cell | undefined
    switch (cellType) {
      case "s": {
        const idx = Number(raw)
        cell = Number.isInteger(idx) ? shared[idx] : undefined
        break
      }
      case "inlineStr":
      case "str":
      case "e":
      case "d":
        cell = decodeOoxmlEscapes(raw)
        break
      case "b":
        cell = raw.trim() === "1"
        break
      default: {
        const num = Number(raw)
        cell = raw.trim() !== "" && Number.isFinite(num) ? num : raw
      }
    }
    if (cell === undefined || cell === "") return
    const row = (rows[rowNo - 1] ??= [])
    row[colNo - 1] = cell
  }

  for (const t of xmlTokens(xml)) {
    if (t.kind === "open") {
      switch (t.name) {
        case "row": {
          const r = Number(attributes(t.attrs).r)
          rowNo = Number.isInteger(r) && r > 0 ? r : rowNo + 1
          colNo = 0
          break
        }
        case "c": {
          const a = attributes(t.attrs)
          const m = a.r !== undefined ? /^([A-Za-z]+)(\d+)$/.exec(a.r) : null
          if (m) {
            colNo = columnNumber(m[1]!)
            const r = Number(m[2])
            if (r !== rowNo) rowNo = r
          } else colNo += 1
          cellType = a.t ?? "n"
          value = undefined
          inline = undefined
          inCell = !t.selfClosing
          break
        }
        case "v":
          if (inCell && !t.selfClosing) {
            inV = true
            value = []
          }
          break
        case "is":
          if (inCell && !t.selfClosing) inline = []
          break
        case "rPh":
          if (!t.selfClosing) phonetic++
          break
        case "t":
          if (inline && !t.selfClosing) inT = true
          break
      }
    } else if (t.kind === "close") {
      switch (t.name) {
        case "v":
          inV = false
          break
        case "t":
          inT = false
          break
        case "rPh":
          phonetic = Math.max(0, phonetic - 1)
          break
        case "worksheet":
          closed = true
          break
        case "c":
          if (inline) {
            cellType = "inlineStr"
            store(inline.join(""))
          } else store(value?.join(""))
          inCell = false
          value = undefined
          inline = undefined
          break
      }
    } else if (inV && value) value.push(t.text)
    else if (inT && inline && phonetic === 0) inline.push(t.text)
  }
  return closed ? { name, rows } : undefined
}

/** Build the workbook from its inflated parts. Fails when the zip is not a spreadsheet. */
export const parseWorkbook = (parts: ReadonlyMap<string, string>, file: string) =>
  Effect.gen(function*() {
    const rootRels = parseRels(parts.get("_rels/.rels"))
    const officeDoc = rootRels.find((r) => r.type.endsWith("/officeDocument"))
    const workbookPath = officeDoc ? resolvePart("", officeDoc.target) : "xl/workbook.xml"
    const workbookXml = parts.get(workbookPath)
    if (workbookXml === undefined) {
      const detail = parts.has("word/document.xml")
        ? "det er et Word-dokument"
        : parts.has("content.xml")
        ? "det er et OpenDocument-regneark (.ods); gem det som .xlsx"
        : workbookPath.endsWith(".bin")
        ? "det er en binær Excel-fil (.xlsb); gem den som .xlsx"
        : "zip-filen har ingen regneark"
      return yield* new NotASpreadsheet({ file, detail })
    }
    const rels = parseRels(parts.get(relsPathOf(workbookPath)))
    const target = (id: string) => {
      const rel = rels.find((r) => r.id === id)
      return rel ? resolvePart(workbookPath, rel.target) : undefined
    }
    const sharedRel = rels.find((r) => r.type.endsWith("/sharedStrings"))
    const shared = parseSharedStrings(
      parts.get(sharedRel ? resolvePart(workbookPath, sharedRel.target) : "xl/sharedStrings.xml")
    )
    if (shared === undefined) return yield* new CorruptWorkbook({ file })
    const sheets: Array<Sheet> = []
    for (const t of xmlTokens(workbookXml)) {
      if (t.kind !== "open" || t.name !== "sheet") continue
      const a = attributes(t.attrs)
      const part = a.id !== undefined ? target(a.id) : undefined
      const xml = part !== undefined ? parts.get(part) : undefined
      // Chart sheets and dialog sheets have no cells; a missing part is simply an empty sheet.
      if (xml === undefined) {
        sheets.push({ name: a.name ?? "", rows: [] })
        continue
      }
      const sheet = parseSheet(a.name ?? "", xml, shared)
      if (sheet === undefined) return yield* new CorruptWorkbook({ file })
      sheets.push(sheet)
    }
    if (sheets.length === 0) return yield* new NotASpreadsheet({ file, detail: "regnearket har ingen ark" })
    return { sheets } satisfies Workbook
  })

/** Plain text of a cell, for labels and answers (numbers as written, e.g. `3`, `2.5`). */
export const cellText = (cell: Cell | undefined): string =>
  cell === undefined ? "" : typeof cell === "string" ? cell : String(cell)

