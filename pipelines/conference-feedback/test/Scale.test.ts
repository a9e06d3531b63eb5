import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { parseLabeledCsv } from "@udsagn/categorize/TrainingData"
import { trainingStatementsPath } from "@udsagn/domain/Paths"
import { cellText, workbookOf } from "@udsagn/ingest/Xlsx"
import { unzipXlsx } from "@udsagn/ingest/XlsxZip"
import { Effect, Layer } from "effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { ConferenceFeedback } from "../src/ConferenceFeedback.js"

// An analysis above the report's list limit (2,000 statements): every statement still reaches
// statements.json and statements.xlsx, the report says where they are, the ledger balances,
// and categorizing in threads changes nothing.

const TestLayer = ConferenceFeedback.Default.pipe(Layer.provideMerge(NodeContext.layer))
const N = 3_000

/** A plain table of N answers: the project's training statements, then reworded copies, and some blank rows. */
const writeTable = (file: string) => {
  const rows = parseLabeledCsv(fs.readFileSync(trainingStatementsPath, "utf8")).rows
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`
  const lines = Array.from({ length: N }, (_, i) => {
    const r = rows[i % rows.length]!
    const text = i % 250 === 249 ? "" : i < rows.length ? r.text : `${r.text} (igen ${i})`
    return `${quote(r.question ?? "Hvad tager du med hjem?")},${quote(text)}`
  })
  fs.writeFileSync(file, ["Spørgsmål,Svar", ...lines].join("\n") + "\n")
}

const withEnv = <A, E, R>(env: Record<string, string>, effect: Effect.Effect<A, E, R>) =>
  Effect.acquireUseRelease(
    Effect.sync(() => {
      const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
      Object.assign(process.env, env)
      return before
    }),
    () => effect,
    (before) =>
      Effect.sync(() => {
        for (const [k, v] of Object.entries(before)) {
          if (v === undefined) delete process.env[k]
          else process.env[k] = v
        }
      })
  )

describe("an analysis above the report's list limit", () => {
  it.effect("keeps every statement in statements.json and .xlsx, says so in the report, and is the same with threads", () =>
    Effect.gen(function*() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "udsagn-scale-"))
      try {
        const input = path.join(dir, "mange-svar.csv")
        writeTable(input)
        const pipeline = yield* ConferenceFeedback
        const one = path.join(dir, "en-traad")
        const threaded = path.join(dir, "traade")
        const output = yield* withEnv({ UDSAGN_CATEGORIZE_WORKERS: "1" }, pipeline.analyze({ input, outDir: one }))
        yield* withEnv(
          // Two threads take every batch of 250 (this thread only hands them out); statements.json
          // and .xlsx are written in their own thread.
          {
            UDSAGN_CATEGORIZE_WORKERS: "3",
            UDSAGN_CATEGORIZE_PARALLEL_FROM: "0",
            UDSAGN_CATEGORIZE_BATCH: "250",
            UDSAGN_CATEGORIZE_HERE: "0",
            UDSAGN_STATEMENTS_THREAD_FROM: "0"
          },
          pipeline.analyze({ input, outDir: threaded })
        )

        const { ledger, statements } = output.result
        expect(ledger.read).toBe(N)
        expect(ledger.read).toBe(ledger.kept + ledger.excluded.reduce((n, e) => n + e.count, 0))
        expect(statements.length).toBe(ledger.kept)
        expect(statements.length).toBeGreaterThan(2_000)

        // statements.json: every kept statement, in order.
        const json = JSON.parse(fs.readFileSync(path.join(one, "statements.json"), "utf8")) as Array<{ id: string }>
        expect(json.map((s) => s.id)).toEqual(statements.map((s) => s.id))

        // statements.xlsx: every statement on the first sheet.
        const xlsxFile = path.join(one, "statements.xlsx")
        const wb = yield* workbookOf(yield* unzipXlsx(new Uint8Array(fs.readFileSync(xlsxFile)), xlsxFile), xlsxFile)
        expect(wb.sheets[0]!.name).toBe("Alle udsagn")
        const ids = wb.sheets[0]!.rows.slice(1).map((r) => cellText(r?.[0]))
        expect(ids).toEqual(statements.map((s) => s.id))

        // The report: no statement list per theme, and a plain word on where they are.
        const html = fs.readFileSync(path.join(one, "report.html"), "utf8")
        expect(html).toContain("Udsagnene står ikke enkeltvis i rapporten.")
        expect(html).toContain("De står alle i regnearket statements.xlsx")
        expect(html).not.toContain(`<details class="all">`)
        // Far smaller than a report listing every statement (each text would be in it).
        const inReport = statements.filter((s) => html.includes(`>${s.id}<`) || html.includes(`${s.id},`)).length
        expect(inReport).toBeLessThan(500)

        // Threads: the same files, byte for byte.
        for (const file of ["statements.json", "summary.json", "ledger.json", "report.html", "recommendations.md"]) {
          expect(fs.readFileSync(path.join(threaded, file), "utf8"), file).toBe(fs.readFileSync(path.join(one, file), "utf8"))
        }
        // The spreadsheets' cells too (the zips differ by their timestamps).
        const threadedXlsx = path.join(threaded, "statements.xlsx")
        const wb2 = yield* workbookOf(yield* unzipXlsx(new Uint8Array(fs.readFileSync(threadedXlsx)), threadedXlsx), threadedXlsx)
        expect(wb2.sheets.map((s) => [s.name, s.rows])).toEqual(wb.sheets.map((s) => [s.name, s.rows]))
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }).pipe(Effect.provide(TestLayer)), 180_000)
})
