import { worksheetHandler, type WorksheetCells } from "./WorksheetPart.js"
import { decodeOoxmlEscapes, type XmlHandler, xmlParser } from "./Xml.js"

// Each XML part of an xlsx is read on its own, as it is inflated, into what it says. Its root
// element tells what it is, so parts can come in any order in the zip; the workbook is put
// together from them afterwards (Xlsx.ts).

export interface Rel {
  readonly id: string
  readonly type: string
  readonly target: string
}

export interface SheetRef {
  readonly name: string
  /** Relationship id of the sheet's part (`r:id`). */
  readonly id: string | undefined
}

export type XlsxPart =
  | { readonly kind: "rels"; readonly rels: ReadonlyArray<Rel> }
  | { readonly kind: "workbook"; readonly sheets: ReadonlyArray<SheetRef> }
  | { readonly kind: "sharedStrings"; readonly strings: ReadonlyArray<string> }
  | { readonly kind: "worksheet"; readonly cells: WorksheetCells }
  /** A part we have no use for (content types, calculation chain, …): not parsed past its root. */
  | { readonly kind: "other" }
  /** Malformed or cut off: fatal only if the workbook needs it. */
  | { readonly kind: "broken" }

interface Reader extends XmlHandler {
  readonly result: () => XlsxPart
}

export interface PartReader {
  /** Parse the next piece of the part's text. */
  readonly write: (text: string) => void
  /** Whether more text can change the result (false once the part is `other` or `broken`). */
  readonly wanted: () => boolean
  readonly end: () => XlsxPart
}

/** Reads one part, choosing the reader by the root element. Never throws: bad XML is `broken`. */
export const partReader = (): PartReader => {
  let reader: Reader | undefined
  let settled: XlsxPart | undefined
  const parser = xmlParser({
    open: (name, attrs, selfClosing) => {
      if (reader === undefined) {
        reader = readerFor(name)
        if (reader === undefined) settled = { kind: "other" }
      }
      reader?.open(name, attrs, selfClosing)
    },
    close: (name) => reader?.close(name),
    text: (text) => reader?.text(text)
  })
  const guarded = (step: () => void) => {
    if (settled !== undefined) return
    try {
      step()
    } catch {
      settled ??= { kind: "broken" }
    }
  }
  return {
    write: (text) => guarded(() => parser.write(text)),
    wanted: () => settled === undefined,
    end: () => {
      guarded(parser.end)
      return settled ?? reader?.result() ?? { kind: "broken" }
    }
  }
}

/** A part given whole (tests, small parts). */
export const readPart = (xml: string): XlsxPart => {
  const reader = partReader()
  reader.write(xml)
  return reader.end()
}

const readerFor = (root: string): Reader | undefined => {
  switch (root) {
    case "Relationships":
      return relsReader()
    case "workbook":
      return workbookReader()
    case "sst":
      return sharedStringsReader()
    case "worksheet": {
      const handler = worksheetHandler()
      return { ...handler, result: () => ({ kind: "worksheet", cells: handler.cells }) }
    }
    default:
      return undefined
  }
}

const ignore = () => {}

const relsReader = (): Reader => {
  const rels: Array<Rel> = []
  return {
    open: (name, a) => {
      if (name === "Relationship" && a.Id !== undefined && a.Target !== undefined) {
        rels.push({ id: a.Id, type: a.Type ?? "", target: a.Target })
      }
    },
    close: ignore,
    text: ignore,
    result: () => ({ kind: "rels", rels })
  }
}

const workbookReader = (): Reader => {
  const sheets: Array<SheetRef> = []
  return {
    open: (name, a) => {
      if (name === "sheet") sheets.push({ name: a.name ?? "", id: a.id })
    },
    close: ignore,
    text: ignore,
    result: () => ({ kind: "workbook", sheets })
  }
}

/** Shared strings: rich-text runs joined, phonetic runs (`rPh`, furigana) left out. */
const sharedStringsReader = (): Reader => {
  const strings: Array<string> = []
  let current: Array<string> | undefined
  let inT = false
  let phonetic = 0
  return {
    open: (name) => {
      if (name === "si") current = []
      else if (name === "rPh") phonetic++
      else if (name === "t") inT = true
    },
    close: (name) => {
      if (name === "si" && current) {
        strings.push(decodeOoxmlEscapes(current.join("")))
        current = undefined
      } else if (name === "rPh") phonetic = Math.max(0, phonetic - 1)
      else if (name === "t") inT = false
    },
    text: (text) => {
      if (inT && phonetic === 0 && current) current.push(text)
    },
    result: () => ({ kind: "sharedStrings", strings })
  }
}
