import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import ExcelJS from "exceljs"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { writeXlsx } from "../testing/MentiExportWriter.js"
import { columnLetters, columnNumber, parseWorkbook } from "../src/Xlsx.js"
import { decodeOoxmlEscapes } from "../src/Xml.js"
import { local, read, TestLayer } from "./helpers.js"

const withTempDir = <A, E, R>(f: (dir: string) => Effect.Effect<A, E, R>) =>
  Effect.acquireUseRelease(
    Effect.sync(() => mkdtempSync(join(tmpdir(), "udsagn-ingest-"))),
    f,
    (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
  )

describe("xlsx parts", () => {
  it("column letters", () => {
    expect(["A", "Z", "AA", "AJ", "XFD"].map(columnNumber)).toEqual([1, 26, 27, 36, 16384])
    expect([1, 26, 27, 36, 16384].map(columnLetters)).toEqual(["A", "Z", "AA", "AJ", "XFD"])
  })

  it("SpreadsheetML escapes", () => {
    expect(decodeOoxmlEscapes("to_x000D_linjer")).toBe("to\rlinjer")
  })

  it.effect("shared strings with rich-text runs and phonetic runs, cells without r attributes", () =>
    Effect.gen(function*() {
      const parts = new Map<string, string>([
        ["xl/workbook.xml", `<workbook xmlns:r="r"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
        ["xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>`],
        ["xl/sharedStrings.xml", `<sst><si><t>Svar</t></si><si><r><t>Mere </t></r><r><rPr><b/></rPr><t xml:space="preserve">tid </t></r><rPh><t>IGNORE</t></rPh><r><t>&amp; ro</t></r></si></sst>`],
        ["xl/worksheets/sheet1.xml", `<worksheet><sheetData><row><c t="s"><v>0</v></c><c><v>1.5</v></c></row><row r="3"><c r="B3" t="s"><v>1</v></c><c t="b"><v>1</v></c><c t="str"><v>formel</v></c></row></sheetData></worksheet>`]
      ])
      const wb = yield* parseWorkbook(parts, "x.xlsx")
      expect(wb.sheets[0]!.name).toBe("Ark1")
      expect(wb.sheets[0]!.rows[0]).toEqual(["Svar", 1.5])
      expect(wb.sheets[0]!.rows[1]).toBeUndefined()
      expect(wb.sheets[0]!.rows[2]).toEqual([undefined, "Mere tid & ro", true, "formel"])
    }))

  it.effect("a zip without a workbook is not a spreadsheet", () =>
    Effect.gen(function*() {
      const e = yield* Effect.flip(parseWorkbook(new Map([["word/document.xml", "<w/>"]]), "brev.xlsx"))
      expect(e._tag).toBe("NotASpreadsheet")
      expect(e.message).toContain("Word-dokument")
      const ods = yield* Effect.flip(parseWorkbook(new Map([["content.xml", "<office/>"]]), "ark.xlsx"))
      expect(ods.message).toContain(".ods")
      const xlsb = yield* Effect.flip(parseWorkbook(
        new Map([["_rels/.rels", `<Relationships><Relationship Id="rId1" Type="x/officeDocument" Target="xl/workbook.bin"/></Relationships>`]]),
        "ark.xlsb"
      ))
      expect(xlsb.message).toContain(".xlsb")
    }))
})

describe("workbooks written by other programs", () => {
  it.effect("a Menti export re-saved by another writer (shared strings, styles) reads the same", () =>
    withTempDir((dir) =>
      Effect.gen(function*() {
        const original = yield* read(local("menti-sessions-1-3.xlsx"))
        const wb = new ExcelJS.Workbook()
        yield* Effect.promise(() => wb.xlsx.readFile(local("menti-sessions-1-3.xlsx")))
        const file = join(dir, "resaved.xlsx")
        yield* Effect.promise(() => wb.xlsx.writeFile(file))
        const resaved = yield* read(file)
        expect(resaved.statements.map((s) => [s.id, s.text, s.participant, s.session, s.upvotes])).toEqual(
          original.statements.map((s) => [s.id, s.text, s.participant, s.session, s.upvotes])
        )
        expect(resaved.closedQuestions).toEqual(original.closedQuestions)
      })
    ).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("a table workbook: the sheet with a known answer column wins over a cover sheet", () =>
    withTempDir((dir) =>
      Effect.gen(function*() {
        const file = join(dir, "rapportgrundlag.xlsx")
        writeFileSync(
          file,
          writeXlsx([
            { name: "Forside", grid: [["Temadag om borgerkommunikation"], ["Udarbejdet af sekretariatet til udvalget"]] },
            { name: "Svar", grid: [["Noter fra bordene"], [], ["Bord", "Spørgsmål", "Svar"], [1, "Hvad virker?", "Korte breve"], [2, "Hvad virker?", "Tolke med kort varsel"]] }
          ], "2024-11-14")
        )
        const r = yield* read(file)
        expect(r.ledger.layout).toBe("table-xlsx")
        expect(r.statements.map((s) => [s.question, s.text, s.source.sheet, s.source.row, s.source.column])).toEqual([
          ["Hvad virker?", "Korte breve", "Svar", 4, 3],
          ["Hvad virker?", "Tolke med kort varsel", "Svar", 5, 3]
        ])
      })
    ).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("a Menti-looking workbook whose Voters sheet lacks its columns is refused, not guessed", () =>
    withTempDir((dir) =>
      Effect.gen(function*() {
        const file = join(dir, "forkert.xlsx")
        writeFileSync(file, writeXlsx([{ name: "Voters", grid: [["Navn", "Svar"], ["A", "Tid"]] }], "2024-11-14"))
        const e = yield* Effect.flip(read(file))
        expect(e._tag).toBe("UnknownLayout")
        expect(e.message).toContain("Voters")
      })
    ).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("Session sheets without a Voters sheet still give the responses", () =>
    withTempDir((dir) =>
      Effect.gen(function*() {
        const file = join(dir, "kun-sessioner.xlsx")
        writeFileSync(file, writeXlsx([{
          name: "Session 2",
          grid: [
            ["Question 1"], ["Date", "2024-11-14"], ["Session", 2], ["Type", "open"], ["Question", "Hvad virker?"], ["Respondents", 2], [],
            ["Responses", "Upvotes"], ["Korte breve", 3], ["Tolke", 0], [], [],
            ["Question 2"], ["Date", "2024-11-14"], ["Session", 2], ["Type", "wordcloud"], ["Question", "Ét ord"], ["Respondents", 1], [],
            ["Responses"], ["Ro Klart_sprog"]
          ]
        }], "2024-11-14"))
        const r = yield* read(file)
        expect(r.statements.map((s) => [s.questionType, s.text, s.session, s.upvotes ?? null, s.source.sheet])).toEqual([
          ["open", "Korte breve", 2, 3, "Session 2"],
          ["open", "Tolke", 2, 0, "Session 2"],
          ["wordcloud", "Ro", 2, null, "Session 2"],
          ["wordcloud", "Klart sprog", 2, null, "Session 2"]
        ])
      })
    ).pipe(Effect.provide(TestLayer)), 30_000)
})
