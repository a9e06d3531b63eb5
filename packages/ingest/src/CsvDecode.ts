import Papa from "papaparse"
import { decodeWindows1252 } from "./Cp1252.js"

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252"

export interface DecodedText {
  readonly text: string
  readonly encoding: Encoding
}

/**
 * Decode the bytes of a text table. BOMs decide; otherwise strict UTF-8, and when that fails
 * Windows-1252 (what Danish Excel's "CSV (semikolonsepareret)" writes). Undefined when the
 * bytes are not text at all.
 */
export const decodeText = (bytes: Uint8Array): DecodedText | undefined => {
  let decoded: DecodedText
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8-bom" }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" }
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" }
  } else {
    try {
      decoded = { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" }
    } catch {
      decoded = { text: decodeWindows1252(bytes), encoding: "windows-1252" }
    }
  }
  return looksLikeText(decoded.text) ? decoded : undefined
}

/** Text has no NULs and (almost) no control characters; random or binary bytes have many. */
export const looksLikeText = (text: string): boolean => {
  if (text.length === 0) return true
  if (text.includes("\u0000")) return false
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text
  const controls = sample.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g)?.length ?? 0
  return controls / sample.length < 0.01
}

export type Delimiter = ";" | "," | "\t" | "|"

const CANDIDATES: ReadonlyArray<Delimiter> = [";", ",", "\t", "|"]

/**
 * Pick the delimiter that splits the first records into the most consistent number of fields
 * (more than one). Parsing with each candidate respects quotes, so a `;` inside a quoted answer
 * does not count. Falls back to `,` (one column) when nothing splits.
 */
export const detectDelimiter = (text: string): Delimiter => splittingDelimiter(text) ?? ","

/** The delimiter that splits the first records consistently, or undefined when none splits them. */
const splittingDelimiter = (text: string): Delimiter | undefined => {
  let best: { delimiter: Delimiter | undefined; score: number } = { delimiter: undefined, score: 0 }
  for (const delimiter of CANDIDATES) {
    const { data } = Papa.parse<Array<string>>(text, { delimiter, preview: 50, skipEmptyLines: true })
    if (data.length === 0) continue
    const counts = new Map<number, number>()
    for (const row of data) counts.set(row.length, (counts.get(row.length) ?? 0) + 1)
    let mode = 1
    let modeCount = 0
    for (const [fields, n] of counts) {
      if (n > modeCount || (n === modeCount && fields > mode)) {
        mode = fields
        modeCount = n
      }
    }
    if (mode < 2) continue
    // Consistency first, then more fields as a tie-breaker.
    const score = modeCount / data.length + mode / 1000
    if (score > best.score) best = { delimiter, score }
  }
  return best.delimiter
}

export interface ParsedCsv {
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
  readonly delimiter: Delimiter
  /** 1-based line where a quoted field opens and never closes (the rest of the file would vanish into it). */
  readonly unclosedQuoteLine?: number
}

/**
 * Parse CSV text into records (quoted newlines stay inside their field). Blank lines are kept as
 * empty rows, so record numbers match what a person sees. A `sep=` line is honoured and dropped
 * (record numbers then start after it).
 */
export const parseCsv = (text: string, delimiter?: Delimiter): ParsedCsv => {
  // Excel honours (and sometimes writes) a first line `sep=;` naming the delimiter.
  const hint = /^sep=([;,\t|])[ \t]*\r?\n/i.exec(text)
  const body = hint ? text.slice(hint[0].length) : text
  // Nothing splits the records: the table has one column. Parse with the candidate that occurs
  // least, so "Mere tid, færre skemaer" is not cut at its comma.
  delimiter ??= hint ? (hint[1] as Delimiter) : splittingDelimiter(body) ?? leastUsed(body)
  const { data, errors } = Papa.parse<Array<string>>(body, { delimiter, skipEmptyLines: false })
  const unclosed = errors.find((e) => e.code === "MissingQuotes")
  // papaparse yields a trailing [""] for the final newline; drop trailing blank records.
  const rows = data.slice()
  while (rows.length > 0 && rows[rows.length - 1]!.every((f) => f.trim() === "")) rows.pop()
  if (unclosed !== undefined) {
    const at = unclosed.index ?? 0
    const line = (body.slice(0, at).match(/\r\n|\r|\n/g)?.length ?? 0) + 1 + (hint ? 1 : 0)
    return { rows, delimiter, unclosedQuoteLine: line }
  }
  return { rows, delimiter }
}

const leastUsed = (text: string): Delimiter => {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text
  const count = (d: Delimiter) => sample.split(d).length - 1
  return CANDIDATES.reduce((a, b) => (count(b) < count(a) ? b : a))
}
