import { FileSystem } from "@effect/platform"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import ExcelJS from "exceljs"
import { strFromU8, unzipSync } from "fflate"
import * as nodePath from "node:path"
import { buildRecommendations } from "../src/Recommendations.js"
import { ReportWriter } from "../src/ReportWriter.js"
import { hostileFixture, sampleFixture, simpleCharts } from "./fixtures.js"

const TestLayer = ReportWriter.Default.pipe(Layer.provideMerge(NodeContext.layer))

const tempDir = Effect.flatMap(FileSystem.FileSystem, (fs) => fs.makeTempDirectoryScoped({ prefix: "udsagn-report-" }))

const docxXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"]!)

// Paragraph texts with their style, in document order.
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? m[2] ?? ""
    return {
      style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1],
      text: [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")
    }
  })

// Writing five files (docx, xlsx) takes a few seconds when the whole suite runs in parallel.
describe("ReportWriter", () => {
  it.scoped("writes report, drafts and spreadsheet into the folder", () =>
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const dir = nodePath.join(yield* tempDir, "ud")
      const { result, summary } = sampleFixture()
      const writer = yield* ReportWriter
      const files = yield* writer.write({ result, summary, charts: simpleCharts(summary), outDir: dir, metrics: {} })

      expect(Object.values(files).map((f) => nodePath.basename(f)).sort()).toEqual([
        "recommendations.docx", "recommendations.json", "recommendations.md", "report.html", "statements.xlsx", "topics.json"
      ])
      for (const f of Object.values(files)) {
        expect(nodePath.dirname(f)).toBe(dir)
        expect((yield* fs.stat(f)).size).toBeGreaterThan(500)
      }

      const html = yield* fs.readFileString(files.html)
      expect(html).toContain("<h2>Sammenfatning</h2>")
      expect(html).toContain("er ikke tilgængelige for denne rapport")

      // The json is the same draft, with statement ids, as the md and docx.
      const json = JSON.parse(yield* fs.readFileString(files.recommendationsJson))
      const draft = buildRecommendations(result, summary)
      expect(json.status).toBe("UDKAST")
      expect(json.recommendations.map((r: { theme: string }) => r.theme)).toEqual(draft.recommendations.map((r) => r.theme))
      expect(json.recommendations[0].statementIds).toEqual(draft.recommendations[0]!.statementIds)

      const md = yield* fs.readFileString(files.recommendationsMd)
      expect(md).toContain("UDKAST")

      // The docx is a valid package whose headings Word's navigation pane shows.
      const docx = yield* fs.readFile(files.recommendationsDocx)
      const zip = unzipSync(docx)
      expect(Object.keys(zip)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml"]))
      const paras = paragraphs(docxXml(docx))
      const h1 = paras.filter((p) => p.style === "Heading1").map((p) => p.text)
      const h2 = paras.filter((p) => p.style === "Heading2").map((p) => p.text)
      expect(h1).toEqual([...draft.recommendations.map((r, i) => `${i + 1}. ${r.themeLabel}`), "Til drøftelse i udvalget"])
      expect(h2).toContain("Begrundelse")
      expect(h2).toContain("Lavthængende frugter")
      expect(paras.find((p) => p.style === "Title")?.text).toContain("UDKAST")
      const styles = strFromU8(zip["word/styles.xml"]!)
      expect(styles).toContain(`w:styleId="Heading1"`)
      const quote = draft.recommendations[0]!.quotes[0]!
      expect(paras.some((p) => p.text.includes(quote.statementId))).toBe(true)

      const wb = new ExcelJS.Workbook()
      yield* Effect.promise(() => wb.xlsx.readFile(files.statementsXlsx))
      expect(wb.worksheets.length).toBe(result.themeSet.themes.length + 2)
    }).pipe(Effect.provide(TestLayer)), 60_000)

  it.scoped("reads agreement figures from a metrics file and puts them in the method section", () =>
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const dir = yield* tempDir
      const metricsFile = nodePath.join(dir, "metrics.json")
      yield* fs.writeFileString(
        metricsFile,
        // The shape `pnpm evaluate --write-metrics` writes, with fields the report does not use.
        JSON.stringify({
          dev: {
            file: "dev-statements.csv",
            needsReview: 12,
            n: 160,
            macroF1: 0.78,
            microF1: 0.8,
            exactMatch: 0.64,
            minLabelF1: 0.6,
            labels: [
              { label: "staff-burnout", precision: 0.9, recall: 0.7, f1: 0.79, kappa: 0.74, support: 30 },
              { label: "other", precision: 0.6, recall: 0.6, f1: 0.6, kappa: 0.5, support: 20 }
            ]
          },
          crossValidation: { file: "statements.csv", folds: 5, n: 800, macroF1: 0.83, labels: [] }
        })
      )
      const writer = yield* ReportWriter
      const metrics = yield* writer.loadMetrics(metricsFile)
      expect(metrics?.dev?.macroF1).toBe(0.78)
      const { result, summary } = sampleFixture()
      const files = yield* writer.write({ result, summary, charts: [], outDir: nodePath.join(dir, "ud"), metrics })
      const html = yield* fs.readFileString(files.html)
      expect(html).toContain("<strong>0,78</strong>")
      expect(html).toContain("<strong>64\u00a0%</strong>")
      expect(html).toMatch(/Medarbejdertrivsel og ildsjæle<\/th><td class="num">90\u00a0%<\/td><td class="num">70\u00a0%<\/td><td class="num">0,79<\/td><td class="num">0,74<\/td>/)
      expect(html).toContain(`<th scope="row">Andet</th>`)
      expect(html).toContain("afprøvet på 160 udsagn, som mennesker har sorteret")
      expect(html).toContain("Sorteringen rammer bedst for »Medarbejdertrivsel og ildsjæle« (F1 0,79) og mindst godt for »Andet« (F1 0,60).")
      expect(html).toContain("Ved krydsvalidering på træningsmaterialet (5 runder) var træfsikkerheden 0,83.")
    }).pipe(Effect.provide(TestLayer)), 60_000)

  it.scoped("treats a missing or malformed metrics file as no figures", () =>
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const dir = yield* tempDir
      const writer = yield* ReportWriter
      expect(yield* writer.loadMetrics(nodePath.join(dir, "findes-ikke.json"))).toBeUndefined()
      const bad = nodePath.join(dir, "bad.json")
      yield* fs.writeFileString(bad, "{ dev: ")
      expect(yield* writer.loadMetrics(bad)).toBeUndefined()
      const wrong = nodePath.join(dir, "wrong.json")
      yield* fs.writeFileString(wrong, JSON.stringify({ dev: { macroF1: "høj" } }))
      expect(yield* writer.loadMetrics(wrong)).toBeUndefined()
    }).pipe(Effect.provide(TestLayer)), 60_000)

  it.scoped("fails with a Danish ReportError when the folder cannot be written", () =>
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const dir = yield* tempDir
      const blocker = nodePath.join(dir, "fil")
      yield* fs.writeFileString(blocker, "ikke en mappe")
      const { result, summary } = sampleFixture()
      const writer = yield* ReportWriter
      const error = yield* Effect.flip(writer.write({ result, summary, charts: [], outDir: nodePath.join(blocker, "ud"), metrics: {} }))
      expect(error._tag).toBe("ReportError")
      expect(error.message).toContain("Kunne ikke skrive")
    }).pipe(Effect.provide(TestLayer)), 60_000)

  it.scoped("writes no hostile markup, formula or personal number into any file", () =>
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const dir = yield* tempDir
      const { result, summary } = hostileFixture()
      const writer = yield* ReportWriter
      const files = yield* writer.write({ result, summary, charts: simpleCharts(summary), outDir: dir, metrics: {} })
      const docXml = docxXml(yield* fs.readFile(files.recommendationsDocx))
      const texts = {
        html: yield* fs.readFileString(files.html),
        md: yield* fs.readFileString(files.recommendationsMd),
        json: yield* fs.readFileString(files.recommendationsJson),
        docx: docXml
      }
      for (const [name, text] of Object.entries(texts)) {
        expect(text, name).not.toMatch(/\d{6}-\d{4}|12 34 56 78|23 45 67 89|87 65 43 21|hanne\.holm|example\.dk/)
      }
      expect(texts.html).not.toMatch(/<img\b|<h1>Overskrift|<script>alert/)
      expect(texts.md).not.toMatch(/(?<!\\)<(?:script|img|h1)/)
      // docx text is XML-escaped by the library: the tags are text, not markup.
      expect(docXml).not.toMatch(/<script|<img/)
      const wb = new ExcelJS.Workbook()
      yield* Effect.promise(() => wb.xlsx.readFile(files.statementsXlsx))
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === "string") {
              expect(cell.value).not.toMatch(/^[=+\-@\t\r]/)
              expect(cell.value).not.toMatch(/\d{6}-\d{4}|12 34 56 78|23 45 67 89|87 65 43 21/)
            }
          })
        )
      )
    }).pipe(Effect.provide(TestLayer)), 60_000)
})
