import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit } from "effect"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { zipSync, unzipSync } from "fflate"
import { local, read, fixture, TestLayer } from "./helpers.js"

// Damaged and odd copies of real exports must end in a clear IngestError or a valid result,
// never in a defect (which the CLI would have to show as a crash).
describe("damaged copies never crash the reader", () => {
  it.effect("truncations, flipped bytes and mangled XML", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "udsagn-ingest-"))
      const original = readFileSync(fixture("menti-alle-slidetyper.xlsx"))
      const files: Array<string> = []
      const write = (name: string, bytes: Uint8Array) => {
        const f = join(dir, name)
        writeFileSync(f, bytes)
        files.push(f)
      }
      let seed = 7
      const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
      for (const cut of [10, 100, 1000, 5000, 12000, original.length - 30, original.length - 1]) {
        write(`cut-${cut}.xlsx`, original.subarray(0, cut))
      }
      for (let i = 0; i < 12; i++) {
        const copy = Buffer.from(original)
        for (let k = 0; k < 8; k++) copy[Math.floor(rnd() * copy.length)] = Math.floor(rnd() * 256)
        write(`flip-${i}.xlsx`, copy)
      }
      // Valid zips with broken or odd XML inside.
      const parts = unzipSync(original)
      const sheet = new TextDecoder().decode(parts["xl/worksheets/sheet1.xml"]!)
      const mangle = (name: string, f: (xml: string) => string) =>
        write(name, zipSync({ ...parts, "xl/worksheets/sheet1.xml": new TextEncoder().encode(f(sheet)) }))
      mangle("half-sheet.xlsx", (x) => x.slice(0, Math.floor(x.length / 2)))
      mangle("no-sheetdata.xlsx", (x) => x.replace(/<sheetData>[\s\S]*<\/sheetData>/, "<sheetData/>"))
      mangle("huge-refs.xlsx", (x) => x.replace(/r="([A-Z]+)(\d+)"/g, (_, c: string, r: string) => `r="${c}${Number(r) * 100_000}"`))
      mangle("entities.xlsx", (x) => `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>` + x.replace(/Patientforening/g, "&a;&#xFFFFFF;&#0;"))
      const { ["xl/workbook.xml"]: _wb, ...noWorkbook } = parts
      write("no-workbook.xlsx", zipSync(noWorkbook))
      write("csv-as-xlsx.xlsx", readFileSync(fixture("udsagn-utf8-bom.csv")))
      write("xlsx-as-csv.csv", readFileSync(local("menti-standard.xlsx")))

      const outcomes: Array<string> = []
      for (const f of files) {
        const exit = yield* Effect.exit(read(f))
        if (Exit.isFailure(exit)) {
          expect(Cause.isDieType(exit.cause) || Cause.isInterruptedOnly(exit.cause), `${f}: ${Cause.pretty(exit.cause)}`).toBe(false)
          const error = Cause.failureOption(exit.cause)
          expect(error._tag, f).toBe("Some")
          if (error._tag === "Some") {
            expect(error.value.message).not.toContain("\n")
            outcomes.push(`${f.split("/").pop()}: ${error.value._tag}`)
          }
        } else outcomes.push(`${f.split("/").pop()}: ok ${exit.value.statements.length}`)
      }
      rmSync(dir, { recursive: true, force: true })
      expect(outcomes.length).toBe(files.length)
      expect(outcomes).toContain("cut-10.xlsx: CorruptWorkbook")
      expect(outcomes).toContain("no-workbook.xlsx: NotASpreadsheet")
      expect(outcomes).toContain("csv-as-xlsx.xlsx: NotASpreadsheet")
      expect(outcomes).toContain("half-sheet.xlsx: CorruptWorkbook") // never a partial sheet passed off as whole
    }).pipe(Effect.provide(TestLayer)), 60_000)
})
