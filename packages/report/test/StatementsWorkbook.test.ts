import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { safeCellText, statementsWorkbook } from "../src/StatementsWorkbook.js"
import { hostileFixture, sampleFixture } from "./fixtures.js"

const load = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
  return wb
}

const FORMULA_START = /^[=+\-@\t\r\n]/

const allStrings = (wb: ExcelJS.Workbook) => {
  const out: Array<string> = []
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined()
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)
        if (typeof cell.value === "string") out.push(cell.value)
      })
    )
  )
  return out
}

describe("safeCellText", () => {
  it("prefixes an apostrophe to anything a spreadsheet would run", () => {
    for (const t of ["=1+1", "+SUM(1)", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1"]) {
      expect(safeCellText(t)).toBe(`'${t}`)
    }
    expect(safeCellText("Tolk til alle")).toBe("Tolk til alle")
    // A control character in front does not hide a formula, and is itself removed.
    expect(safeCellText("\u0001=1+1")).toBe("'=1+1")
  })
})

describe("statementsWorkbook", { timeout: 60_000 }, () => {
  it("has one sheet with everything and one per theme, filters on and header frozen", async () => {
    const { result } = sampleFixture()
    const wb = await load(await statementsWorkbook(result))
    const names = wb.worksheets.map((w) => w.name)
    expect(names).toEqual(["Alle udsagn", ...result.themeSet.themes.map((t) => t.label), "Andet"])
    const all = wb.getWorksheet("Alle udsagn")!
    expect(all.getRow(1).values).toEqual([undefined, "id", "spørgsmål", "udsagn", "temaer", "sikkerhed", "evidens", "til gennemsyn"])
    expect(all.rowCount).toBe(result.statements.length + 1)
    // Header bold, confidence as a percentage, the statement's text wrapped.
    expect(all.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(all.getRow(2).getCell(5).numFmt).toBe("0%")
    expect(all.getRow(2).getCell(3).alignment?.wrapText).toBe(true)
    for (const ws of wb.worksheets) {
      expect(ws.autoFilter).toBeTruthy()
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
    }
    const pi = wb.getWorksheet("Patientinvolvering")!
    const expected = result.statements.filter((s) => (s.themes as ReadonlyArray<string>).includes("patient-involvement"))
    expect(pi.rowCount).toBe(expected.length + 1)
    const first = expected[0]!
    expect(pi.getRow(2).getCell(1).value).toBe(first.id)
    expect(pi.getRow(2).getCell(4).value).toContain("Patientinvolvering")
    expect(pi.getRow(2).getCell(5).value).toBeCloseTo(first.confidence)
  })

  it("lets no hostile text start a formula, and keeps personal data masked", async () => {
    const { result } = hostileFixture()
    const wb = await load(await statementsWorkbook(result))
    const strings = allStrings(wb)
    expect(strings.length).toBeGreaterThan(50)
    for (const s of strings) expect(s, s).not.toMatch(FORMULA_START)
    // The formulas survive as visible text behind the apostrophe.
    expect(strings).toContain(`'=HYPERLINK("http://example.invalid/";"Klik") tolke til alle`)
    expect(strings).toContain("'-5+5 personalet brænder ud")
    expect(strings).toContain("'@SUM(B2) mere video der forklarer")
    for (const s of strings) expect(s).not.toMatch(/\d{6}-?\d{4}|\d{2} \d{2} \d{2} \d{2}|hanne\.holm/)
  })
})
