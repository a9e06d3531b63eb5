import ExcelJS from "exceljs"
import { strFromU8, unzipSync } from "fflate"
import * as fs from "node:fs"

// Readers for the written files, shared by this package's tests and the end-to-end tests
// (which have no exceljs or fflate of their own).

/** Every text part of a docx (document, header, footer, styles …) by its path in the package. */
export const docxParts = (file: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(fs.readFileSync(file)))).map(([name, bytes]) => [name, strFromU8(bytes)])
  )

export interface XlsxCell {
  readonly sheet: string
  readonly value: unknown
  readonly formula: string | undefined
}

/** Every non-empty cell of every sheet. */
export const xlsxCells = async (file: string): Promise<ReadonlyArray<XlsxCell>> => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const cells: Array<XlsxCell> = []
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        cells.push({ sheet: ws.name, value: cell.value, formula: cell.formula })
      })
    )
  )
  return cells
}
