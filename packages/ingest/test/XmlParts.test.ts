import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { writeXlsx } from "../testing/MentiExportWriter.js"
import { parseWorkbook } from "../src/Xlsx.js"
import { readPart } from "../src/XlsxPart.js"
import { read, TestLayer } from "./helpers.js"

/** An xlsx from the fixture writer with some parts' text rewritten (the writer escapes `>` itself). */
const rewritten = (xlsx: Uint8Array, edits: Record<string, (xml: string) => string>): Uint8Array => {
  const files = unzipSync(xlsx)
  for (const [name, edit] of Object.entries(edits)) {
    const part = files[name]
    if (part === undefined) throw new Error(`no part ${name}`)
    files[name] = strToU8(edit(strFromU8(part)))
  }
  return zipSync(files)
}

describe("XML read by a real parser", () => {
  it.effect("a sheet named `Svar > 5` and attribute values with `>` and `&gt;` keep their attributes", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "udsagn-ingest-"))
      const file = join(dir, "svar.xlsx")
      const xlsx = writeXlsx([
        { name: "Forside", grid: [["Temadag"]] },
        { name: "Svar", grid: [["Spørgsmål", "Svar"], ["Hvad virker?", "Korte breve"], ["Hvad virker?", "Tolke > 5 min"]] }
      ], "2024-11-14")
      writeFileSync(file, rewritten(xlsx, {
        // A literal `>` is legal in an attribute value; `&gt;` is the same character escaped.
        "xl/workbook.xml": (xml) =>
          xml.replace(`name="Forside"`, `name="Forside &gt; intro"`).replace(`name="Svar"`, `name="Svar > 5"`),
        "xl/_rels/workbook.xml.rels": (xml) => xml.replace(`<Relationship Id="rId2"`, `<Relationship Note="2 > 1" Id="rId2"`),
        "xl/worksheets/sheet2.xml": (xml) => xml.replace(`<row r="2">`, `<row r="2" note="a>b">`)
      }))
      const r = yield* read(file).pipe(Effect.ensuring(Effect.sync(() => rmSync(dir, { recursive: true, force: true }))))
      expect(r.statements.map((s) => [s.text, s.source.sheet, s.source.row, s.source.column])).toEqual([
        ["Korte breve", "Svar > 5", 2, 2],
        ["Tolke > 5 min", "Svar > 5", 3, 2]
      ])
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("parts given as text: `>` in attributes, shared strings listed after the sheets", () =>
    Effect.gen(function*() {
      const wb = yield* parseWorkbook(
        new Map([
          ["xl/worksheets/sheet1.xml", `<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1" note="1 > 0"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>a &gt; b</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`],
          ["xl/workbook.xml", `<workbook xmlns:r="r"><sheets><sheet name="Svar > 5" sheetId="1" r:id="rId1"/></sheets></workbook>`],
          ["xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
          ["xl/sharedStrings.xml", `<sst><si><t><![CDATA[5 > 3]]></t></si></sst>`]
        ]),
        "x.xlsx"
      )
      expect(wb.sheets.map((s) => [s.name, s.rows])).toEqual([["Svar > 5", [["5 > 3", "a > b"]]]])
    }))

  it.effect("a cut-off sheet the workbook needs is refused; a chart sheet is an empty sheet", () =>
    Effect.gen(function*() {
      const parts = (sheet: string) =>
        new Map([
          ["xl/workbook.xml", `<workbook xmlns:r="r"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
          ["xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
          ["xl/worksheets/sheet1.xml", sheet]
        ])
      const cut = yield* Effect.flip(parseWorkbook(parts(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>`), "x.xlsx"))
      expect(cut._tag).toBe("CorruptWorkbook")
      const chart = yield* parseWorkbook(parts(`<chartsheet><drawing r:id="rId1"/></chartsheet>`), "x.xlsx")
      expect(chart.sheets).toEqual([{ name: "Ark1", rows: [] }])
    }))

  it("a part is known by its root element, and bad XML is broken rather than thrown", () => {
    expect(readPart(`<?xml version="1.0"?><Types><Default Extension="xml"/></Types>`)).toEqual({ kind: "other" })
    expect(readPart(`<sst><si><t>a</t></si>`).kind).toBe("broken")
    expect(readPart(`<sst><si><t>a &nope; b</t></si></sst>`).kind).toBe("broken")
    expect(readPart(`<Relationships><Relationship Id="r1" Type="t" Target="a>b.xml"/></Relationships>`)).toEqual({
      kind: "rels",
      rels: [{ id: "r1", type: "t", target: "a>b.xml" }]
    })
  })
})
