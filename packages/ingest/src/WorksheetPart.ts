import { type Cell, columnNumber } from "./Cell.js"
import { decodeOoxmlEscapes, type XmlHandler } from "./Xml.js"

// SpreadsheetML's own limits; anything beyond is not a real cell.
const MAX_ROW = 1_048_576
const MAX_COL = 16_384

/** A shared-string cell, resolved once the shared strings are read (they may come later in the zip). */
export interface SharedRef {
  readonly shared: number
}

/** A worksheet's cells as read: `rows[r - 1][c - 1]`, gaps undefined. */
export type WorksheetCells = ReadonlyArray<ReadonlyArray<Cell | SharedRef | undefined> | undefined>

/**
 * Reads a worksheet's cells: `<row r>` and `<c r t>` (rows and cells without `r` follow the one
 * before), values in `<v>`, inline strings in `<is>` with phonetic runs left out.
 */
export const worksheetHandler = (): XmlHandler & { readonly cells: WorksheetCells } => {
  const rows: Array<Array<Cell | SharedRef | undefined> | undefined> = []
  let rowNo = 0
  let colNo = 0
  let cellType = "n"
  let value: Array<string> | undefined
  let inline: Array<string> | undefined
  let inV = false
  let inT = false
  let phonetic = 0
  let inCell = false

  const store = (cell: Cell | SharedRef | undefined) => {
    if (cell === undefined || cell === "" || rowNo < 1 || rowNo > MAX_ROW || colNo < 1 || colNo > MAX_COL) return
    const row = (rows[rowNo - 1] ??= [])
    row[colNo - 1] = cell
  }

  const openCell = (a: Readonly<Record<string, string>>, selfClosing: boolean) => {
    const m = a.r !== undefined ? /^([A-Za-z]+)(\d+)$/.exec(a.r) : null
    if (m) {
      colNo = columnNumber(m[1] ?? "")
      rowNo = Number(m[2])
    } else colNo += 1
    cellType = a.t ?? "n"
    value = undefined
    inline = undefined
    inCell = !selfClosing
  }

  const closeCell = () => {
    if (inline) store(cellValue("inlineStr", inline.join("")))
    else if (value) store(cellValue(cellType, value.join("")))
    inCell = false
    value = undefined
    inline = undefined
  }

  return {
    cells: rows,
    open: (name, a, selfClosing) => {
      switch (name) {
        case "row": {
          const r = Number(a.r)
          rowNo = Number.isInteger(r) && r > 0 ? r : rowNo + 1
          colNo = 0
          break
        }
        case "c":
          openCell(a, selfClosing)
          break
        case "v":
          // `<v/>` holds no value (not even shared string 0).
          if (inCell && !selfClosing) {
            inV = true
            value = []
          }
          break
        case "is":
          if (inCell) inline = []
          break
        case "rPh":
          phonetic++
          break
        case "t":
          if (inline) inT = true
          break
      }
    },
    close: (name) => {
      switch (name) {
        case "v":
          inV = false
          break
        case "t":
          inT = false
          break
        case "rPh":
          phonetic = Math.max(0, phonetic - 1)
          break
        case "c":
          closeCell()
          break
      }
    },
    text: (text) => {
      if (inV && value) value.push(text)
      else if (inT && inline && phonetic === 0) inline.push(text)
    }
  }
}

/** A cell's value by its type (`t`): shared-string index, text, boolean or number. */
const cellValue = (type: string, raw: string): Cell | SharedRef | undefined => {
  switch (type) {
    case "s": {
      const index = Number(raw)
      return Number.isInteger(index) ? { shared: index } : undefined
    }
    case "inlineStr":
    case "str":
    case "e":
    case "d":
      return decodeOoxmlEscapes(raw)
    case "b":
      return raw.trim() === "1"
    default: {
      const num = Number(raw)
      return raw.trim() !== "" && Number.isFinite(num) ? num : raw
    }
  }
}

/**
 * The sheet's rows with shared strings filled in. A reference to a missing or empty string is
 * no cell, and a row (or trailing rows) left without cells is a gap, as if never written.
 */
export const resolveRows = (
  cells: WorksheetCells,
  shared: ReadonlyArray<string>
): Array<Array<Cell | undefined> | undefined> => {
  const rows: Array<Array<Cell | undefined> | undefined> = []
  cells.forEach((row, r) => {
    if (row === undefined) return
    const out: Array<Cell | undefined> = []
    row.forEach((cell, c) => {
      const value = typeof cell === "object" ? shared[cell.shared] : cell
      if (value !== undefined && value !== "") out[c] = value
    })
    if (out.length > 0) rows[r] = out
  })
  return rows
}
