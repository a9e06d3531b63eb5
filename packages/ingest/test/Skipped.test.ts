import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { FileSystem, Path } from "@effect/platform"
import { readExport } from "../src/ExportReader.js"
import { writeXlsx } from "../testing/MentiExportWriter.js"
import { checkInvariants, read, TestLayer } from "./helpers.js"

// Nothing dropped unseen: extra CSV fields wherever the answer column is, every other cell with
// text accounted for in the ledger by reason, and a bound on the number of answers.

const withFile = (name: string, bytes: Uint8Array | string) =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const dir = mkdtempSync(join(tmpdir(), "udsagn-skipped-"))
      writeFileSync(join(dir, name), bytes)
      return { dir, file: join(dir, name) }
    }),
    ({ dir }) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
  )

describe("rows with extra fields", () => {
  it.scoped("an answer in the middle keeps its unquoted separators, and the columns after it move along", () =>
    Effect.gen(function*() {
      const { file } = yield* withFile(
        "midt.csv",
        "Spørgsmål;Svar;Dato;Deltager\n" +
          "Hvad tager du med?;Mere tid; og ro; til samtalen;2024-12-05;p1\n" +
          "Hvad tager du med?;Tolke til alle;2024-12-04;p2\n" +
          "Hvad tager du med?;Klart sprog;2024-12-05;\n"
      )
      const r = yield* read(file)
      expect(checkInvariants(r)).toEqual([])
      expect(r.statements.map((s) => s.text)).toEqual(["Mere tid; og ro; til samtalen", "Tolke til alle", "Klart sprog"])
      // The date after the joined answer is still read from its own field: the earliest is 4 Dec.
      expect(r.event.date).toBe("2024-12-04")
      expect(r.event.participants).toBe(2)
      expect(r.ledger.skipped).toEqual([])
    }).pipe(Effect.provide(TestLayer)))
})

describe("cells the reader passed over", () => {
  it.scoped("title rows, a column not read and a sheet without a table are counted by reason", () =>
    Effect.gen(function*() {
      const { file } = yield* withFile("med-noter.xlsx", writeXlsx([
        {
          name: "Svar",
          grid: [
            ["Konference om sundhedskompetence"],
            ["Udtræk fra Menti, 5. december"],
            ["Spørgsmål", "Svar", "Afdeling"],
            ["Hvad tager du med?", "Mere tid til den enkelte", "Medicinsk"],
            ["Hvad tager du med?", "Klart sprog i brevene", "Kirurgisk"],
            ["Hvad tager du med?", "Tolke til alle", ""]
          ]
        },
        { name: "Noter", grid: [["Husk at sende rapporten til udvalget"], ["Frist", "20. december"]] }
      ], "2024-12-05"))
      const r = yield* read(file)
      expect(checkInvariants(r)).toEqual([])
      expect(r.ledger.read).toBe(3)
      expect(r.ledger.skipped.map((k) => ({ ...k }))).toEqual([
        { reason: "above-header", sheet: "Svar", count: 2 },
        { reason: "other-column", sheet: "Svar", column: "Afdeling", count: 2 },
        { reason: "sheet-not-read", sheet: "Noter", count: 3 }
      ])
    }).pipe(Effect.provide(TestLayer)))

  it.scoped("a header-less CSV's title row is counted above the table", () =>
    Effect.gen(function*() {
      const { file } = yield* withFile(
        "titel.csv",
        "Udsagn fra konferencen;\n;\nHvad tager du med?;Mere tid til patienterne\nHvad tager du med?;Klart sprog i brevene\nHvad tager du med?;Tolke til alle\n"
      )
      const r = yield* read(file)
      expect(r.statements).toHaveLength(3)
      expect(r.ledger.skipped.map((k) => ({ ...k }))).toEqual([{ reason: "above-header", sheet: "titel.csv", count: 1 }])
    }).pipe(Effect.provide(TestLayer)))
})

describe("the number of answers", () => {
  it.scoped("more answers than the limit is refused in one Danish line", () =>
    Effect.gen(function*() {
      const rows = Array.from({ length: 12 }, (_, i) => `Hvad?;Svar nummer ${i + 1}`).join("\n")
      const { file } = yield* withFile("mange.csv", `Spørgsmål;Svar\n${rows}\n`)
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      const error = yield* Effect.flip(readExport(fs, path, file, {}, { maxFileBytes: 1e6, maxUnpackedBytes: 1e6, maxStatements: 10 }))
      expect(error._tag).toBe("TooManyStatements")
      expect(error.message).toBe("Filen mange.csv har 12 svar; én analyse kan højst tage 10. Del filen op i flere, fx én pr. spørgsmål eller session.")
    }).pipe(Effect.provide(TestLayer)))
})
