import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { writeXlsx } from "../testing/MentiExportWriter.js"
import { baseName, FileNotFound, isIngestError, MalformedCsv, UnknownLayout } from "../src/IngestError.js"
import { read, TestLayer } from "./helpers.js"

describe("errors hold data and build their text from it", () => {
  it("message names the file by its base name; describe by any name", () => {
    const e = new MalformedCsv({ path: "/srv/udsagn/uploads/ab12/input.csv", line: 3 })
    expect(e.message).toContain("Filen input.csv har et citationstegn (\") i linje 3,")
    expect(e.message).not.toContain("/srv")
    expect(e.describe("svar fra mødet.csv")).toBe(e.message.replace("input.csv", "svar fra mødet.csv"))
    expect(baseName("C:\\data\\eksport.xlsx")).toBe("eksport.xlsx")
    expect([e, new FileNotFound({ path: "x" }), new Error("x"), { _tag: "MalformedCsv" }].map(isIngestError)).toEqual([
      true,
      true,
      false,
      false
    ])
  })

  it("a missing file is named by the path as given, unless described", () => {
    const e = new FileNotFound({ path: "data/eksport.xlsx" })
    expect(e.message).toBe("Filen findes ikke: data/eksport.xlsx. Tjek stavemåden og stien, og prøv igen.")
    expect(e.describe("eksport.xlsx")).toBe("Filen findes ikke: eksport.xlsx. Tjek stavemåden og stien, og prøv igen.")
  })

  it.effect("the reader's errors carry the path as given and the sheet to blame", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "udsagn-ingest-"))
      const file = join(dir, "forkert.xlsx")
      writeFileSync(file, writeXlsx([{ name: "Voters", grid: [["Navn", "Svar"], ["A", "Tid"]] }], "2024-11-14"))
      const e = yield* Effect.flip(read(file)).pipe(Effect.ensuring(Effect.sync(() => rmSync(dir, { recursive: true, force: true }))))
      expect(e).toBeInstanceOf(UnknownLayout)
      expect(e).toMatchObject({ path: file, sheet: "Voters" })
      expect(e.message).toContain("Filen forkert.xlsx ligner hverken")
      expect(e.describe("upload.xlsx")).toContain("Filen upload.xlsx ligner hverken")
    }).pipe(Effect.provide(TestLayer)), 30_000)
})
