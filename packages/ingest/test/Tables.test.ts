import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { decodeText, detectDelimiter, parseCsv } from "../src/CsvDecode.js"
import { readTable } from "../src/TableReader.js"
import { writeXlsx } from "../testing/MentiExportWriter.js"
import { checkInvariants, local, read, fixture, TestLayer } from "./helpers.js"

/** A file written to a fresh temp folder, removed when the test's scope closes (also on failure). */
const withFile = (name: string, bytes: Uint8Array | string) =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const dir = mkdtempSync(join(tmpdir(), "udsagn-ingest-"))
      writeFileSync(join(dir, name), bytes)
      return { dir, file: join(dir, name) }
    }),
    ({ dir }) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
  )

describe("decodeText", () => {
  it("detects UTF-8 with BOM, plain UTF-8 and Windows-1252", () => {
    const bom = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from("Spørgsmål")]))
    expect(bom).toEqual({ text: "Spørgsmål", encoding: "utf-8-bom" })
    expect(decodeText(Buffer.from("Spørgsmål – ja"))).toEqual({ text: "Spørgsmål – ja", encoding: "utf-8" })
    // Danish Excel: ø = F8, å = E5, – = 96, ’ = 92, € = 80
    const cp = decodeText(Uint8Array.from([0x53, 0x70, 0xf8, 0x72, 0x67, 0x73, 0x6d, 0xe5, 0x6c, 0x20, 0x96, 0x20, 0x92, 0x80]))
    expect(cp).toEqual({ text: "Spørgsmål – ’€", encoding: "windows-1252" })
    const utf16 = decodeText(Uint8Array.from([0xff, 0xfe, ...Buffer.from("Svar;ja", "utf16le")]))
    expect(utf16?.text).toBe("Svar;ja")
  })

  it("refuses binary data", () => {
    let seed = 42
    const bytes = Uint8Array.from({ length: 2048 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff)
    expect(decodeText(bytes)).toBeUndefined()
    expect(decodeText(Buffer.from("Svar\u0000\u0000\u0000"))).toBeUndefined()
  })
})

describe("detectDelimiter", () => {
  it.each([
    ["Spørgsmål;Svar\r\nHvad?;Tid, ro og tolke\r\nHvad?;Mere tid, tak\r\n", ";"],
    ["Question,Response,Upvotes\nWhat?,\"Tid; ro\",1\nWhat?,Ro,2\n", ","],
    ["Emne\tKommentar\nA\tTid, ro; tolke\nB\tRo\n", "\t"],
    ["Svar\nBare én kolonne, med komma\nOg en til\n", ","]
  ])("%j → %j", (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter)
  })

  it("honours Excel's sep= line", () => {
    const { delimiter, rows } = parseCsv("sep=,\r\nSpørgsmål,Svar;med semikolon\r\nA,b;c\r\n")
    expect(delimiter).toBe(",")
    expect(rows).toEqual([["Spørgsmål", "Svar;med semikolon"], ["A", "b;c"]])
  })

  it("keeps quoted newlines and delimiters inside the field", () => {
    const { rows } = parseCsv("Spørgsmål;Svar\nA;\"to\nlinjer; og semikolon\"\nB;kort\n")
    expect(rows).toEqual([["Spørgsmål", "Svar"], ["A", "to\nlinjer; og semikolon"], ["B", "kort"]])
  })
})

describe("readTable (columns)", () => {
  const rows = (...r: Array<Array<string | number | undefined>>) => r

  it.each([
    ["Spørgsmål", "Svar"],
    ["Question", "Answer"],
    ["Slide", "Response"],
    ["Emne", "Kommentar"],
    ["spørgsmål:", "UDSAGN"]
  ])("finds %j / %j by name", (q, t) => {
    const r = readTable(rows(["x", "y"], [], [t, q], ["Tid til at lytte", "Hvad virker?"]), "ark")
    expect(Either.isRight(r)).toBe(true)
    const v = Either.getOrThrow(r)
    expect(v).toMatchObject({ headerRow: 3, textColumn: 1, questionColumn: 2 })
    expect(v.entries[0]).toMatchObject({ question: "Hvad virker?", raw: "Tid til at lytte", source: { sheet: "ark", row: 4, column: 1 } })
  })

  it("accepts looser names (\"Dit svar\", \"Kommentar (fritekst)\") but not a lone title", () => {
    const v = Either.getOrThrow(readTable(
      rows(["Svar fra konferencen"], [], ["Nr", "Spørgsmål til salen", "Dit svar"], [1, "Hvad virker?", "Tid"], [2, "Hvad virker?", "Ro"]),
      "ark"
    ))
    expect(v).toMatchObject({ headerRow: 3, textColumn: 3, questionColumn: 2, foundBy: "name" })
    const k = Either.getOrThrow(readTable(rows(["Tema", "Kommentar (fritekst)"], ["Tid", "Mere tid til samtalen"]), "ark"))
    expect(k).toMatchObject({ headerRow: 1, textColumn: 2 })
  })

  it("takes the comment column when the answer column holds only closed replies (Ja/Nej)", () => {
    const v = Either.getOrThrow(readTable(
      rows(["Spørgsmål", "Svar", "Kommentar"], ["Deltog du?", "Ja", "Godt med tid til spørgsmål"], ["Deltog du?", "Nej", "Jeg var syg den dag"]),
      "ark"
    ))
    expect(v.textColumn).toBe(3)
  })

  it("finds the answer column by content when no name is known", () => {
    const v = Either.getOrThrow(readTable(
      rows(
        [1, "Formiddag", "Mere tid til den enkelte borger"],
        [2, "Formiddag", "Et fælles sprog mellem sektorerne og kommunen"],
        [3, "Eftermiddag", "Borgerpaneler før nye tilbud bliver sat i gang"],
        [4, "Eftermiddag", "Flere billeder"]
      ),
      "ark"
    ))
    expect(v).toMatchObject({ textColumn: 3, questionColumn: 2, headerRow: undefined })
    expect(v.entries.length).toBe(4)
  })

  it("overrides: name, letter and number; unknown column is an error listing the columns", () => {
    const table = rows(["Id", "Note", "Tekst"], ["1", "Runde 1", "Kort"], ["2", "Runde 1", "Også kort"])
    for (const spec of ["Tekst", "tekst", "C", "3"]) {
      expect(Either.getOrThrow(readTable(table, "ark", { textColumn: spec })).textColumn).toBe(3)
    }
    const both = Either.getOrThrow(readTable(table, "ark", { textColumn: "C", questionColumn: "Note" }))
    expect(both.entries.map((e) => e.question)).toEqual(["Runde 1", "Runde 1"])
    const bad = readTable(table, "ark", { textColumn: "Svar" })
    expect(Either.isLeft(bad) && bad.left).toEqual({
      _tag: "ColumnNotFound",
      option: "text-column",
      column: "Svar",
      available: ["Id", "Note", "Tekst"]
    })
    expect(Either.isLeft(readTable(table, "ark", { textColumn: "E" }))).toBe(true)
    expect(Either.isLeft(readTable(table, "ark", { questionColumn: "Spørgsmål" }))).toBe(true)
  })

  it("carries a question written once down to the rows below it", () => {
    const v = Either.getOrThrow(readTable(rows(["Spørgsmål", "Svar"], ["Hvad virker?", "Tid"], [undefined, "Ro"], ["Hvad mangler?", "Tolke"]), "ark"))
    expect(v.entries.map((e) => e.question)).toEqual(["Hvad virker?", "Hvad virker?", "Hvad mangler?"])
  })

  it("counts a row with a question but no answer as read (an empty answer)", () => {
    const v = Either.getOrThrow(readTable(rows(["Spørgsmål", "Svar"], ["Hvad virker?", "Tid"], ["Hvad virker?", undefined]), "ark"))
    expect(v.entries.map((e) => e.raw)).toEqual(["Tid", ""])
  })
})

describe("plain tables from files", () => {
  it.effect("tab-separated, header in row 4 under title rows, quoted line break, blank row, upvotes", () =>
    Effect.gen(function*() {
      const r = yield* read(local("tabel-titelraekker.tsv"))
      expect(checkInvariants(r)).toEqual([])
      expect(r.statements.map((s) => [s.question, s.text, s.upvotes, s.source.row])).toEqual([
        ["Breve", "Brevene skal kunne læses af alle", 3, 5],
        ["Breve", "Færre fagord i indkaldelserne", 1, 6],
        ["Breve", "Skriv hvad borgeren skal gøre, ikke hvad vi gør", 0, 7],
        ["Tolke", "Tolke skal kunne bestilles samme dag", 5, 8],
        ["Tolke", "Videotolkning virker fint, også om aftenen", 2, 10],
        ["Tid", "Tid til at lytte", 4, 11]
      ])
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("no header row at all: columns and questions from content", () =>
    Effect.gen(function*() {
      const r = yield* read(local("tabel-uden-overskrift.csv"))
      expect(r.statements.length).toBe(6)
      expect(r.statements[0]).toMatchObject({ question: "Hvad virker?", text: "Korte breve med én besked ad gangen", source: { row: 1, column: 2 } })
      expect(r.statements[1]!.text).toBe("Opfølgning, dagen efter udskrivelsen")
      expect(r.questions.map((q) => q.title)).toEqual(["Hvad virker?", "Hvad mangler?"])
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("unknown header names (Windows-1252): found by content, and by --text-column/--question-column", () =>
    Effect.gen(function*() {
      const guessed = yield* read(local("tabel-ukendte-kolonner.csv"))
      expect(guessed.statements.map((s) => s.text)).toContain("Støtte til kolleger der brænder ud")
      expect(guessed.statements[0]!.source).toEqual({ sheet: "tabel-ukendte-kolonner.csv", row: 2, column: 3 })
      expect(guessed.event.date).toBe("2024-11-14")

      const named = yield* read(local("tabel-ukendte-kolonner.csv"), { textColumn: "Deltagerens tekst", questionColumn: "D" })
      expect(named.statements.map((s) => s.question)).toEqual(["Formiddag", "Formiddag", "Formiddag", "Eftermiddag", "Eftermiddag"])

      const byNumber = yield* read(local("tabel-ukendte-kolonner.csv"), { textColumn: "4" })
      expect(byNumber.statements.map((s) => s.text)).toEqual(["Formiddag", "Formiddag", "Formiddag", "Eftermiddag", "Eftermiddag"])

      const wrong = yield* Effect.flip(read(local("tabel-ukendte-kolonner.csv"), { textColumn: "Svar" }))
      expect(wrong._tag).toBe("ColumnNotFound")
      expect(wrong.message).toBe(
        "Kolonnen \"Svar\" (--text-column) findes ikke i tabel-ukendte-kolonner.csv. Brug et kolonnenavn, et bogstav (A, B …) eller et nummer; kolonnerne er \"Nr\", \"Tidspunkt\", \"Deltagerens tekst\", \"Runde\"."
      )
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("a quote that never closes is refused with its line, not swallowed", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "udsagn-ingest-"))
      const file = join(dir, "citat.csv")
      writeFileSync(file, "Spørgsmål;Svar\nHvad?;Tid\nHvad?;\"god\" dag\nHvad?;Ro\nHvad?;Tolke\n")
      const error = yield* Effect.flip(read(file))
      rmSync(dir, { recursive: true, force: true })
      expect(error._tag).toBe("MalformedCsv")
      expect(error.message).toContain("linje 3")
      // A quote inside an unquoted field is just a character.
      expect(parseCsv("a;b\nx;han sagde \"hej\ny;z\n").rows).toEqual([["a", "b"], ["x", "han sagde \"hej"], ["y", "z"]])
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("a one-column CSV keeps answers with commas whole", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "udsagn-ingest-"))
      const file = join(dir, "en kolonne.csv")
      // Most answers have no comma, so no delimiter splits the records consistently.
      writeFileSync(file, "Svar\nMere tid, færre skemaer\nKlart sprog i brevene\nTolke til alle\n3,5\nHjælp til digitale løsninger\n")
      const r = yield* read(file)
      rmSync(dir, { recursive: true, force: true })
      expect(checkInvariants(r)).toEqual([])
      expect(r.statements.map((s) => s.text)).toEqual([
        "Mere tid, færre skemaer",
        "Klart sprog i brevene",
        "Tolke til alle",
        "3,5",
        "Hjælp til digitale løsninger"
      ])
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("a headerless table whose answer is a header word (\"Feedback\") loses no rows", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "udsagn-ingest-"))
      const file = join(dir, "uden overskrift.csv")
      writeFileSync(
        file,
        "Hvad tager du med?;Mere tid til patienterne\nHvad tager du med?;Klart sprog\nHvad tager du med?;Tolke til alle\n" +
          "Et ord om dagen;Feedback\nEt ord om dagen;Inspiration\n"
      )
      const r = yield* read(file)
      rmSync(dir, { recursive: true, force: true })
      expect(checkInvariants(r)).toEqual([])
      expect(r.ledger.read).toBe(5)
      expect(r.statements.map((s) => [s.question, s.text])).toEqual([
        ["Hvad tager du med?", "Mere tid til patienterne"],
        ["Hvad tager du med?", "Klart sprog"],
        ["Hvad tager du med?", "Tolke til alle"],
        ["Et ord om dagen", "Feedback"],
        ["Et ord om dagen", "Inspiration"]
      ])
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("overrides work on the corpus tables too", () =>
    Effect.gen(function*() {
      const r = yield* read(fixture("udsagn-utf8-bom.csv"), { textColumn: "Response", questionColumn: "A" })
      expect(r.statements.length).toBe(175)
      const swapped = yield* read(fixture("udsagn-tabel.xlsx"), { textColumn: "Spørgsmål", questionColumn: "Svar" })
      // The question column as text: one distinct "statement" per question of the corpus.
      expect(new Set(swapped.statements.map((s) => s.text)).size).toBe(6)
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("cleaning is recorded: exclusions with reasons, duplicates kept and marked, mojibake and NFC repaired", () =>
    Effect.gen(function*() {
      const r = yield* read(local("rensning.csv"))
      expect(checkInvariants(r)).toEqual([])
      expect(r.ledger.read).toBe(10)
      expect(r.ledger.kept).toBe(6)
      expect(r.ledger.excluded.map((e) => [e.reason, e.count, e.examples])).toEqual([
        ["empty", 1, []],
        ["test-answer", 2, ["test", "Hej!"]],
        ["punctuation-only", 1, ["?"]]
      ])
      expect(r.ledger.excluded.every((e) => e.label.length > 0)).toBe(true)
      expect(r.ledger.duplicates).toBe(2)
      expect(r.statements.map((s) => [s.id, s.text, s.duplicateOf])).toEqual([
        ["s0001", "Flere tolke", undefined],
        ["s0002", "Flere tolke", "s0001"],
        ["s0003", "Ældre pårørende skal med", undefined],
        ["s0004", "pårørende skal med", undefined],
        ["s0005", "Ring [telefon] eller skriv til [e-mail] (CPR [CPR])", undefined],
        ["s0006", "Flere tolke", "s0001"]
      ])
      expect(r.statements[0]!.rawText).toBe("  Flere   tolke  ")
      expect(r.statements[4]!.rawText).toBe("Ring [telefon] eller skriv til [e-mail] (CPR [CPR])")
      expect(r.ledger.masked).toEqual({ cpr: 1, phone: 1, email: 1, handle: 0, profile: 0 })
    }).pipe(Effect.provide(TestLayer)), 30_000)
})

describe("bounded statements", () => {
  it.scoped("an answer over 5,000 characters is left out and counted, its example cut short", () =>
    Effect.gen(function*() {
      const { file } = yield* withFile("lang.csv", `Spørgsmål;Svar\r\nHvad?;Klart sprog\r\nHvad?;${"mere end ".repeat(1_000)}\r\n`)
      const r = yield* read(file)
      expect(checkInvariants(r)).toEqual([])
      expect(r.ledger).toMatchObject({ read: 2, kept: 1 })
      expect(r.ledger.excluded.map((e) => [e.reason, e.count])).toEqual([["too-long", 1]])
      expect(r.ledger.excluded[0]!.examples[0]!.length).toBeLessThanOrEqual(120)
    }).pipe(Effect.provide(TestLayer)))
})

describe("personal data in every field", () => {
  it.scoped("masks it in the question, the sheet name and the file name, and counts it once per value", () =>
    Effect.gen(function*() {
      const question = "Hvad mener du? Ring 12 34 56 78"
      const { file } = yield* withFile(
        "svar fra 010190-1109.xlsx",
        writeXlsx([{ name: "Kontakt +45 87654321", grid: [["Spørgsmål", "Svar"], [question, "Mere tid"], [question, "Klart sprog"]] }], "2024-12-05")
      )
      const r = yield* read(file)
      const all = JSON.stringify(r)
      for (const secret of ["1109", "12 34 56 78", "87654321"]) expect(all).not.toContain(secret)
      expect(r.statements[0]!.question).toBe("Hvad mener du? Ring [telefon]")
      expect(r.statements[0]!.source.sheet).toBe("Kontakt [telefon]")
      expect(r.ledger.source).toBe("svar fra [CPR].xlsx")
      expect(r.ledger.masked).toMatchObject({ cpr: 1, phone: 2 })
    }).pipe(Effect.provide(TestLayer)))
})

describe("nothing dropped unseen", () => {
  it.scoped("reads every sheet that holds a table; each statement carries its sheet", () =>
    Effect.gen(function*() {
      const { file } = yield* withFile("to-ark.xlsx", writeXlsx([
        { name: "Formiddag", grid: [["Spørgsmål", "Svar"], ["Hvad?", "Mere tid"], ["Hvad?", "Klart sprog"], ["Hvad?", "Tolke"]] },
        { name: "Eftermiddag", grid: [["Spørgsmål", "Svar"], ["Hvad?", "Animationer"], ["Hvad?", "Inddrag pårørende"]] }
      ], "2024-12-05"))
      const r = yield* read(file)
      expect(checkInvariants(r)).toEqual([])
      expect(r.statements.map((s) => [s.source.sheet, s.text])).toEqual([
        ["Formiddag", "Mere tid"], ["Formiddag", "Klart sprog"], ["Formiddag", "Tolke"],
        ["Eftermiddag", "Animationer"], ["Eftermiddag", "Inddrag pårørende"]
      ])
    }).pipe(Effect.provide(TestLayer)))

  it.scoped("prefers the column named like an answer over a longer comment column", () =>
    Effect.gen(function*() {
      const { file } = yield* withFile("svar-og-kommentar.csv",
        "Spørgsmål;Svar;Kommentar\r\nHvad?;Mere tid;en lang kommentar om alt muligt andet end svaret\r\nHvad?;Tolke;endnu en lang kommentar der fylder meget mere\r\n")
      const r = yield* read(file)
      expect(r.statements.map((s) => s.text)).toEqual(["Mere tid", "Tolke"])
      // The comment column is not read, and the ledger says so.
      expect(r.ledger.unread.map((u) => [u.column, u.filled])).toEqual([["Kommentar", 2]])
    }).pipe(Effect.provide(TestLayer)))

  it.scoped("a lone header-like word among the answers of a headerless table is an answer", () =>
    Effect.gen(function*() {
      const { file } = yield* withFile("uden-overskrift.csv",
        "Hvad tager du med?;Mere tid til patienten\r\nHvad tager du med?;Klart sprog i brevene\r\nHvad tager du med?;Svar\r\nHvad tager du med?;Tolke til alle\r\n")
      const r = yield* read(file)
      expect(r.ledger.read).toBe(4)
      expect(r.statements.map((s) => s.text)).toEqual(["Mere tid til patienten", "Klart sprog i brevene", "Svar", "Tolke til alle"])
    }).pipe(Effect.provide(TestLayer)))

  it.scoped("a CSV row with extra fields keeps its whole answer when the answer is the last column", () =>
    Effect.gen(function*() {
      const { file } = yield* withFile("komma.csv", "Spørgsmål,Svar\nHvad?,Mere tid, og ro til samtalen\nHvad?,Tolke\n")
      const r = yield* read(file)
      expect(r.statements.map((s) => s.text)).toEqual(["Mere tid, og ro til samtalen", "Tolke"])
    }).pipe(Effect.provide(TestLayer)))
})
