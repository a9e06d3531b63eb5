import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { readdirSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { checkInvariants, countBy, local, read, shared, TestLayer } from "./helpers.js"

describe("Menti export fixture", () => {
  it.effect("yields 160 statements (110 open, 24 word-cloud entries, 26 Q&A) and 2 closed questions", () =>
    Effect.gen(function*() {
      const r = yield* read(shared("menti-konference-2024-12-05.xlsx"))
      expect(checkInvariants(r)).toEqual([])
      expect(r.statements.length).toBe(160)
      expect(countBy(r.statements, (s) => s.questionType)).toEqual({ open: 110, wordcloud: 24, qa: 26 })
      expect(r.ledger).toMatchObject({ layout: "menti-xlsx", read: 160, kept: 160, excluded: [], closedQuestions: 2 })
      // 24 entries came from 21 cells.
      const wc = r.statements.filter((s) => s.questionType === "wordcloud")
      expect(new Set(wc.map((s) => `${s.source.row}:${s.source.column}`)).size).toBe(21)
      expect(wc.map((s) => s.text)).toEqual(expect.arrayContaining(["Klart sprog", "Hjælp hjælperne", "Energigivende ⚡", "Tankevækkende", "Øjenåbner"]))
      expect(wc.some((s) => s.text.includes("_"))).toBe(false)

      expect(r.closedQuestions.map((q) => [q.type, q.title])).toEqual([
        ["choices", "Hvor arbejder du?"],
        ["scales", "Hvor enig er du?"]
      ])
      const choices = r.closedQuestions[0]!
      expect(choices.options.map((o) => [o.label, o.votes])).toEqual([
        ["Region", 14], ["Kommune", 17], ["Almen praksis", 24], ["Patientforening", 22], ["Andet", 23]
      ])
      const scale = r.closedQuestions[1]!.options[0]!
      expect(scale.distribution).toEqual([20, 18, 22, 24, 16])
      expect(scale.average).toBeCloseTo((20 + 36 + 66 + 96 + 80) / 100, 2)

      expect(r.event.date).toBe("2024-12-05")
      expect(r.event.title).toBe("Konference 5. december 2024")
      // 100 voters in sessions 1 and 3, 26 Q&A participants who may also have voted: at least 100.
      expect(r.event.participants).toBe(100)
      expect(r.questions.map((q) => [q.type, q.title, q.sessions])).toEqual([
        ["open", "Hvad tager du med hjem fra i dag?", [1, 3]],
        ["open", "Hvad kan vi gøre for at styrke sundhedskompetencen i vores organisation?", [1, 3]],
        ["open", "Hvilke barrierer oplever du i din hverdag?", [1, 3]],
        ["wordcloud", "Beskriv dagen med ét ord", [1, 3]],
        ["qa", "Spørgsmål fra salen", [1, 3]]
      ])
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("keeps participants, sessions, upvotes, dates and source cells", () =>
    Effect.gen(function*() {
      const r = yield* read(shared("menti-konference-2024-12-05.xlsx"))
      const first = r.statements[0]!
      expect(first).toMatchObject({
        id: "s0001",
        question: "Hvad tager du med hjem fra i dag?",
        questionType: "open",
        session: 1,
        participant: "1:1",
        date: "2024-12-05",
        upvotes: 0,
        source: { sheet: "Voters", row: 4, column: 8 }
      })
      const ildsjael = r.statements.find((s) => s.text.startsWith("Ildsjælene skal passes på"))!
      expect(ildsjael).toMatchObject({ session: 3, participant: "3:46", source: { sheet: "Voters", row: 49, column: 8 } })
      const qa = r.statements.find((s) => s.questionType === "qa")!
      expect(qa).toMatchObject({
        participant: "qa:1",
        upvotes: 8,
        session: 1,
        source: { sheet: "Questions from audience", row: 3, column: 4 }
      })
      // Every open statement's upvotes come from the Upvotes column right after its cell.
      expect(r.statements.filter((s) => s.questionType === "open").every((s) => typeof s.upvotes === "number")).toBe(true)
      expect(r.statements.filter((s) => s.questionType === "wordcloud").every((s) => s.upvotes === undefined)).toBe(true)
    }).pipe(Effect.provide(TestLayer)), 30_000)
})

describe("plain-table fixtures", () => {
  const menti = read(shared("menti-konference-2024-12-05.xlsx")).pipe(Effect.map((r) => r.statements.map((s) => s.text)))
  // What each table is expected to differ in, by the fixtures README: cp1252 has no emoji
  // (they became "?"); the UTF-8 file has one answer spanning two lines.
  const expectations: Array<[string, "table-csv" | "table-xlsx", (t: string) => string]> = [
    ["udsagn-tabel.xlsx", "table-xlsx", (t) => t],
    ["udsagn-utf8-bom.csv", "table-csv", (t) => t.replace(/ Og en linje mere\.$/, "")],
    ["udsagn-excel-semikolon-cp1252.csv", "table-csv", (t) => t]
  ]
  for (const [name, layout, normalize] of expectations) {
    it.effect(`${name} yields the same 160 statements`, () =>
      Effect.gen(function*() {
        const r = yield* read(shared(name))
        expect(checkInvariants(r)).toEqual([])
        expect(r.statements.length).toBe(160)
        expect(r.ledger).toMatchObject({ layout, read: 160, kept: 160 })
        expect(r.statements.every((s) => s.questionType === "table" && s.participant === undefined)).toBe(true)
        const noEmoji = (t: string) => t.replace(/\p{Extended_Pictographic}/gu, "?")
        const expected = (yield* menti).map(name.includes("cp1252") ? noEmoji : (t: string) => t).sort()
        expect(r.statements.map((s) => normalize(s.text)).sort()).toEqual(expected)
        expect(countBy(r.statements, (s) => s.question)).toEqual({
          "Hvad tager du med hjem fra i dag?": 40,
          "Hvad kan vi gøre for at styrke sundhedskompetencen i vores organisation?": 38,
          "Hvilke barrierer oplever du i din hverdag?": 32,
          "Beskriv dagen med ét ord": 24,
          "Spørgsmål til oplægsholderne": 26
        })
      }).pipe(Effect.provide(TestLayer)), 30_000)
  }

  it.effect("the cp1252 file decodes Windows-1252 punctuation (– is not lost)", () =>
    Effect.gen(function*() {
      const r = yield* read(shared("udsagn-excel-semikolon-cp1252.csv"))
      expect(r.statements.some((s) => s.text.includes("hende – og så"))).toBe(true)
      expect(r.statements.every((s) => !/[\u0080-\u009F]/.test(s.text))).toBe(true)
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("the UTF-8 file keeps the two-line answer as one statement and reads upvotes", () =>
    Effect.gen(function*() {
      const r = yield* read(shared("udsagn-utf8-bom.csv"))
      const s = r.statements.find((x) => x.text.endsWith("Og en linje mere."))!
      expect(s.rawText).toContain("\n")
      expect(s.text).not.toContain("\n")
      expect(r.statements.every((x) => typeof x.upvotes === "number")).toBe(true)
      expect(r.statements[0]!.question).toBe("Hvad tager du med hjem fra i dag?") // BOM not in the header
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("the xlsx table's header is in row 3 (title row and blank row above)", () =>
    Effect.gen(function*() {
      const r = yield* read(shared("udsagn-tabel.xlsx"))
      expect(r.statements[0]!.source).toEqual({ sheet: "Udsagn", row: 4, column: 2 })
    }).pipe(Effect.provide(TestLayer)), 30_000)
})

describe("hostile statements", () => {
  it.effect("keeps all 12, with CPR, phone numbers and e-mail masked everywhere", () =>
    Effect.gen(function*() {
      const r = yield* read(shared("hostile-statements.csv"))
      expect(checkInvariants(r)).toEqual([])
      expect(r.statements.length).toBe(12)
      expect(r.ledger.masked).toEqual({ cpr: 1, phone: 2, email: 2 })
      const all = JSON.stringify(r)
      for (const secret of ["010203-1234", "12 34 56 78", "87 65 43 21", "karen.jensen@example.dk", "example.dk"]) {
        expect(all).not.toContain(secret)
      }
      expect(r.statements.map((s) => s.text)).toEqual(expect.arrayContaining([
        "Min patient (CPR [CPR]) forstod ikke brevet",
        "Ring til mig på [telefon] eller skriv til [e-mail] om tolkebistand",
        "Vi er for få - ring [telefon]"
      ]))
      // Markup is kept as text (the report escapes it); ingest neither runs nor drops it.
      expect(r.statements[0]!.text).toBe("<script>alert('xss')</script>Animationer virker!")
    }).pipe(Effect.provide(TestLayer)), 30_000)
})

describe("bad files", () => {
  const expected: Record<string, string> = {
    "empty.xlsx": "EmptyFile",
    "not-a-spreadsheet.xlsx": "NotASpreadsheet",
    "truncated.xlsx": "CorruptWorkbook",
    "random-bytes.csv": "NotText",
    "header-only.csv": "NoStatements",
    "only-closed-questions.xlsx": "NoStatements",
    "decompression-bomb.xlsx": "TooLargeWhenUnpacked"
  }
  const dir = fileURLToPath(new URL("../../../../shared/fixtures/bad/", import.meta.url))

  it("covers every file in fixtures/bad", () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(expected).sort())
  })

  for (const [name, tag] of Object.entries(expected)) {
    it.effect(`${name} fails with ${tag}: one Danish line, quickly`, () =>
      Effect.gen(function*() {
        const started = Date.now()
        const error = yield* Effect.flip(read(shared(`bad/${name}`)))
        expect(Date.now() - started).toBeLessThan(5_000)
        expect(error._tag).toBe(tag)
        expect(error.message).not.toContain("\n")
        expect(error.message).toContain(name)
        expect(error.message).not.toMatch(/ at |Error:|undefined|\[object/)
        // what is wrong, then what to do: at least two sentences.
        expect(error.message.split(/\.\s/).length).toBeGreaterThanOrEqual(2)
      }).pipe(Effect.provide(TestLayer)), 30_000)
  }

  it.effect("a missing file, a folder and an unknown type fail clearly", () =>
    Effect.gen(function*() {
      const missing = yield* Effect.flip(read(local("findes-ikke.xlsx")))
      expect(missing._tag).toBe("FileNotFound")
      expect(missing.message).toMatch(/^Filen findes ikke: .*findes-ikke\.xlsx\. /)
      const folder = yield* Effect.flip(read(local("")))
      expect(folder._tag).toBe("FileUnreadable")
      const json = yield* Effect.flip(read(local("layout-sample.json")))
      expect(json._tag).toBe("UnsupportedFileType")
      expect(json.message).toContain(".json")
    }).pipe(Effect.provide(TestLayer)), 30_000)
})
