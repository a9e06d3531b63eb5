import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { checkInvariants, countBy, fixture, local, read, TestLayer } from "./helpers.js"

const MENTI = "menti-alle-slidetyper.xlsx"

describe("Menti export with every slide type", () => {
  it.effect("yields 175 statements (118 open, 31 word-cloud entries, 26 Q&A), 4 exclusions and 4 closed questions", () =>
    Effect.gen(function*() {
      const r = yield* read(fixture(MENTI))
      expect(checkInvariants(r)).toEqual([])
      expect(r.statements.length).toBe(175)
      expect(countBy(r.statements, (s) => s.questionType)).toEqual({ open: 118, wordcloud: 31, qa: 26 })
      expect(r.ledger).toMatchObject({ layout: "menti-xlsx", read: 179, kept: 175, closedQuestions: 4, duplicates: 2 })
      expect(r.ledger.excluded.map((e) => [e.reason, e.count])).toEqual([["test-answer", 3], ["punctuation-only", 1]])
      // 31 entries came from 21 cells; a multi-word entry's `_` is read as a space.
      const wc = r.statements.filter((s) => s.questionType === "wordcloud")
      expect(new Set(wc.map((s) => `${s.source.row}:${s.source.column}`)).size).toBe(21)
      expect(wc.map((s) => s.text)).toEqual(expect.arrayContaining(["Enkelt sprog", "Inddragelse af borgeren", "Trivsel blandt ansatte"]))
      expect(wc.some((s) => s.text.includes("_"))).toBe(false)

      expect(r.closedQuestions.map((q) => [q.type, q.title, q.respondents])).toEqual([
        ["choices", "Hvilket tema skal sundhedsrådene tage fat på først?", 137],
        ["scales", "Hvor enig er du? (1 = helt uenig, 5 = helt enig)", 122],
        ["ranking", "Ranger indsatserne efter vigtighed", 40],
        ["quiz", "Quiz: Hvor mange danskere har begrænset sundhedskompetence?", 36]
      ])
      const [choices, scales, ranking, quiz] = r.closedQuestions
      expect(choices!.options.map((o) => o.votes)).toEqual([41, 33, 27, 22, 14])
      expect(scales!.options[0]).toMatchObject({ distribution: [18, 41, 38, 17, 4], average: 2.56 })
      expect(ranking!.options.map((o) => [o.label, o.votes])).toEqual([
        ["Klart sprog i breve", 95], ["Tolkebistand", 107], ["Animationer", 119], ["Tid til den enkelte", 79]
      ])
      expect(quiz!.options.map((o) => [o.label, o.votes])).toEqual([["Hver 10.", 6], ["Hver 3.", 21], ["Hver 2.", 9]])

      expect(r.event.date).toBe("2024-12-05")
      expect(r.event.participants).toBe(137)
      // Session 2 was opened but got no votes: its sheet is read, and nothing comes from it.
      expect(new Set(r.statements.map((s) => s.session))).toEqual(new Set([1, 3]))
      expect(r.questions.map((q) => [q.type, q.title])).toEqual([
        ["open", "Hvad tager du med hjem fra i dag?"],
        ["open", "Hvad kan vi gøre for at gøre det lettere for borgerne at forstå og navigere i sundhedsvæsenet?"],
        ["open", "Hvor oplever du de største barrierer?"],
        ["open", "Hvad er lavthængende frugter?"],
        ["wordcloud", "Hvad er vigtigst? (1-3 ord)"],
        ["qa", "Spørgsmål fra salen"]
      ])
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("keeps participants, sessions, upvotes, dates and source cells", () =>
    Effect.gen(function*() {
      const r = yield* read(fixture(MENTI))
      expect(r.statements[0]).toMatchObject({
        id: "s0001",
        question: "Hvad tager du med hjem fra i dag?",
        questionType: "open",
        session: 1,
        participant: "1:1",
        date: "2024-12-05",
        upvotes: 0,
        source: { sheet: "Voters", row: 4, column: 5 }
      })
      const qa = r.statements.find((s) => s.questionType === "qa")!
      expect(qa).toMatchObject({
        participant: "qa:1",
        text: "Hvordan kommer borgerrepræsentanter med i sundhedsrådene?",
        upvotes: 12,
        session: 3,
        source: { sheet: "Questions from audience", row: 3, column: 4 }
      })
      // Every open statement's upvotes come from the Upvotes column right after its cell.
      expect(r.statements.filter((s) => s.questionType === "open").every((s) => typeof s.upvotes === "number")).toBe(true)
      expect(r.statements.filter((s) => s.questionType === "wordcloud").every((s) => s.upvotes === undefined)).toBe(true)
    }).pipe(Effect.provide(TestLayer)), 30_000)
})

describe("plain-table fixtures", () => {
  const menti = read(fixture(MENTI)).pipe(Effect.map((r) => r.statements.map((s) => s.text)))
  // What each table is expected to differ in (test/fixtures/build-fixtures.ts): cp1252 has no
  // emoji (they became "?"); the UTF-8 file with BOM has one answer spanning two lines.
  const expectations: Array<[string, "table-csv" | "table-xlsx", (t: string) => string]> = [
    ["udsagn-tabel.xlsx", "table-xlsx", (t) => t],
    ["udsagn-utf8-bom.csv", "table-csv", (t) => t.replace(/ Og en linje mere\.$/, "")],
    ["udsagn-utf8.csv", "table-csv", (t) => t],
    ["udsagn-excel-semikolon-cp1252.csv", "table-csv", (t) => t]
  ]
  for (const [name, layout, normalize] of expectations) {
    it.effect(`${name} yields the same 175 statements`, () =>
      Effect.gen(function*() {
        const r = yield* read(fixture(name))
        expect(checkInvariants(r)).toEqual([])
        expect(r.statements.length).toBe(175)
        expect(r.ledger).toMatchObject({ layout, read: 179, kept: 175 })
        expect(r.statements.every((s) => s.questionType === "table" && s.participant === undefined)).toBe(true)
        const noEmoji = (t: string) => t.replace(/\p{Extended_Pictographic}/gu, "?")
        const expected = (yield* menti).map(name.includes("cp1252") ? noEmoji : (t: string) => t).sort()
        expect(r.statements.map((s) => normalize(s.text)).sort()).toEqual(expected)
        expect(countBy(r.statements, (s) => s.question)).toEqual({
          "Hvad tager du med hjem fra i dag?": 31,
          "Hvad kan vi gøre for at gøre det lettere for borgerne at forstå og navigere i sundhedsvæsenet?": 31,
          "Hvor oplever du de største barrierer?": 29,
          "Hvad er lavthængende frugter?": 27,
          "Hvad er vigtigst? (1-3 ord)": 31,
          "Spørgsmål fra salen": 26
        })
      }).pipe(Effect.provide(TestLayer)), 30_000)
  }

  it.effect("the cp1252 file decodes Windows-1252 punctuation (– and „“ are not lost)", () =>
    Effect.gen(function*() {
      const r = yield* read(fixture("udsagn-excel-semikolon-cp1252.csv"))
      expect(r.statements.map((s) => s.text)).toContain("Brevene skal skrives i „hverdagssprog“ – ikke fagsprog")
      expect(r.statements.every((s) => !/[\u0080-\u009F]/.test(s.text))).toBe(true)
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("the UTF-8 file keeps the two-line answer as one statement and reads upvotes", () =>
    Effect.gen(function*() {
      const r = yield* read(fixture("udsagn-utf8-bom.csv"))
      const s = r.statements.find((x) => x.text.endsWith("Og en linje mere."))!
      expect(s.rawText).toContain("\n")
      expect(s.text).not.toContain("\n")
      expect(r.statements.every((x) => typeof x.upvotes === "number")).toBe(true)
      expect(r.statements[0]!.question).toBe("Hvad tager du med hjem fra i dag?") // BOM not in the header
    }).pipe(Effect.provide(TestLayer)), 30_000)

  it.effect("the xlsx table's header is in row 3 (title row and blank row above)", () =>
    Effect.gen(function*() {
      const r = yield* read(fixture("udsagn-tabel.xlsx"))
      expect(r.statements[0]!.source).toEqual({ sheet: "Udsagn", row: 4, column: 2 })
    }).pipe(Effect.provide(TestLayer)), 30_000)
})

describe("hostile statements", () => {
  it.effect("keeps all 13, markup as text, with CPR, phone numbers and e-mail masked everywhere", () =>
    Effect.gen(function*() {
      const r = yield* read(fixture("hostile-statements.csv"))
      expect(checkInvariants(r)).toEqual([])
      expect(r.statements.length).toBe(13)
      expect(r.ledger.masked).toMatchObject({ cpr: 1, phone: 2 })
      const all = JSON.stringify(r)
      for (const secret of ["250376-1239", "87 65 43 21", "23 45 67 89", "hanne.holm@example.dk", "hanne.holm"]) {
        expect(all).not.toContain(secret)
      }
      expect(r.statements.map((s) => s.text)).toEqual(expect.arrayContaining([
        "Borgeren med CPR [CPR] forstod ikke brevet"
      ]))
      // Markup is kept as text (the report escapes it); ingest neither runs nor drops it.
      expect(r.statements[0]!.text).toBe("<script>alert('xss')</script>Animationer hjælper borgerne")
      // Control characters are gone from the text.
      expect(r.statements.some((s) => s.text.includes("\u0007"))).toBe(false)
    }).pipe(Effect.provide(TestLayer)), 30_000)
})

describe("bad files", () => {
  const expected: Record<string, string> = {
    "not-a-spreadsheet.xlsx": "NotASpreadsheet",
    "truncated.xlsx": "CorruptWorkbook",
    "random-bytes.csv": "NotText",
    "header-only.csv": "NoStatements",
    "only-closed-questions.xlsx": "NoStatements"
  }
  const dir = fixture("bad/")

  it("covers every file in fixtures/bad", () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(expected).sort())
  })

  for (const [name, tag] of Object.entries(expected)) {
    it.effect(`${name} fails with ${tag}: one Danish line, quickly`, () =>
      Effect.gen(function*() {
        const started = Date.now()
        const error = yield* Effect.flip(read(fixture(`bad/${name}`)))
        expect(Date.now() - started).toBeLessThan(5_000)
        expect(error._tag).toBe(tag)
        expect(error.message).not.toContain("\n")
        expect(error.message).toContain(name)
        expect(error.message).not.toMatch(/ at |Error:|undefined|\[object/)
        // what is wrong, then what to do: at least two sentences.
        expect(error.message.split(/\.\s/).length).toBeGreaterThanOrEqual(2)
      }).pipe(Effect.provide(TestLayer)), 30_000)
  }

  it.effect("an empty file (0 bytes, made here) fails with EmptyFile", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "udsagn-ingest-"))
      const file = join(dir, "empty.xlsx")
      writeFileSync(file, new Uint8Array())
      const error = yield* Effect.flip(read(file))
      rmSync(dir, { recursive: true, force: true })
      expect(error._tag).toBe("EmptyFile")
      expect(error.message).toMatch(/^Filen empty\.xlsx er tom \(0 byte\)\. /)
    }).pipe(Effect.provide(TestLayer)), 30_000)

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
