import { FileSystem, Path } from "@effect/platform"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { ChartRenderer, finishSvg } from "../src/ChartRenderer.js"
import { buildChartSpecs, type ChartSpec } from "../src/ChartSpecs.js"
import { aggregate } from "@udsagn/aggregate/Aggregate"
import { CategorizedResult } from "@udsagn/domain/Analysis"
import { CategorizedStatement } from "@udsagn/domain/Categorization"
import { ClosedOption, ClosedQuestion } from "@udsagn/domain/ClosedQuestion"
import { Question } from "@udsagn/domain/Statement"
import type { ThemeId } from "@udsagn/domain/Theme"
import { loadFixture, loadResult } from "./fixture.js"

const { result, summary } = loadFixture()
const specs = buildChartSpecs(summary, result)
const overview = specs.find((s) => s.name === "theme-overview")!

const TestLayer = ChartRenderer.Default.pipe(Layer.provideMerge(NodeContext.layer))
// Rendering a chart to PNG takes a few hundred ms on a small machine.
const SLOW = 120_000

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}
const svgSize = (svg: string) => {
  const m = /<svg\b[^>]*\bwidth="(\d+)"[^>]*\bheight="(\d+)"/.exec(svg)!
  return { width: Number(m[1]), height: Number(m[2]) }
}

/** A chart that is only one word, to see whether the PNG draws text at all. */
const textOnly = (word: string): ChartSpec => ({
  name: "text-only",
  kind: "overview",
  title: "Tekst",
  description: "Et ord",
  spec: {
    width: 200,
    height: 60,
    config: { font: "sans-serif", background: "white", view: { stroke: null } },
    data: { values: [{ t: word }] },
    mark: { type: "text", fontSize: 30 },
    encoding: { text: { field: "t", type: "nominal" } }
  }
})

describe("ChartRenderer", () => {
  it.effect("renders the overview to an SVG with the Danish title, decimal commas and the theme colours", () =>
    Effect.gen(function* () {
      const renderer = yield* ChartRenderer
      const { svg } = yield* renderer.render(overview)
      expect(svg.startsWith("<svg")).toBe(true)
      expect(svg).toContain("Temaer i udsagnene")
      expect(svg).toContain("34,9\u00a0%")
      expect(svg).not.toMatch(/\d\.\d\s?%/) // no decimal points in shares
      for (const t of summary.themes) expect(svg).toContain(`fill="${t.color}"`)
      expect(svg).toContain(`aria-label="${overview.description.replace(/"/g, "&quot;")}"`)
      expect(svg).toContain("<title>Temaer i udsagnene</title>")
    }).pipe(Effect.provide(TestLayer)), SLOW
  )

  it.effect("writes nothing that reaches outside the SVG, and ids unique to the chart", () =>
    Effect.gen(function* () {
      const renderer = yield* ChartRenderer
      for (const chart of specs) {
        const { svg } = yield* renderer.render(chart)
        expect(svg).not.toMatch(/\b(?:xlink:)?href="(?!#)/)
        expect(svg).not.toMatch(/url\((?!#)/)
        expect(svg).not.toMatch(/<(?:script|image|foreignObject|style)\b/)
        for (const m of svg.matchAll(/\bid="([^"]+)"/g)) expect(m[1]!.startsWith(`udsagn-${chart.name}-`)).toBe(true)
        expect(svg.replace(/xmlns(?::xlink)?="http:\/\/www\.w3\.org\/[^"]+"/g, "")).not.toContain("http")
      }
    }).pipe(Effect.provide(TestLayer)), SLOW
  )

  it.effect("renders a valid PNG at twice the SVG's size", () =>
    Effect.gen(function* () {
      const renderer = yield* ChartRenderer
      const { png, svg } = yield* renderer.render(overview)
      expect(png.byteLength).toBeGreaterThan(1000)
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
      expect(String.fromCharCode(...png.subarray(12, 16))).toBe("IHDR")
      const s = svgSize(svg)
      expect(pngSize(png)).toEqual({ width: s.width * 2, height: s.height * 2 })
    }).pipe(Effect.provide(TestLayer)), SLOW
  )

  it.effect("draws text in the PNG (needs a font: apt install fonts-dejavu-core)", () =>
    Effect.gen(function* () {
      const renderer = yield* ChartRenderer
      const withText = yield* renderer.render(textOnly("Sundhedsråd"))
      const blank = yield* renderer.render(textOnly(""))
      // Without a usable font resvg silently skips text and both images come out the same.
      expect(Buffer.from(withText.png).equals(Buffer.from(blank.png))).toBe(false)
      expect(withText.png.byteLength).toBeGreaterThan(blank.png.byteLength)
    }).pipe(Effect.provide(TestLayer)), SLOW
  )

  it.effect("is deterministic: the same spec gives byte-identical SVG and PNG", () =>
    Effect.gen(function* () {
      const renderer = yield* ChartRenderer
      for (const chart of specs.slice(0, 3)) {
        const a = yield* renderer.render(chart)
        const b = yield* renderer.render(chart)
        expect(a.svg).toBe(b.svg)
        expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true)
      }
    }).pipe(Effect.provide(TestLayer)), SLOW
  )

  it.effect("fails with a ChartError naming the chart when a spec is broken", () =>
    Effect.gen(function* () {
      const renderer = yield* ChartRenderer
      const broken: ChartSpec = {
        name: "broken",
        kind: "overview",
        title: "Ødelagt",
        description: "Et diagram med en ukendt marktype",
        spec: { data: { values: [] }, mark: "no-such-mark" as never }
      }
      const error = yield* Effect.flip(renderer.render(broken))
      expect(error._tag).toBe("ChartError")
      expect(error.chart).toBe("broken")
      expect(error.message).toContain("Ødelagt")
    }).pipe(Effect.provide(TestLayer)), SLOW
  )

  it.scoped("writeAll writes spec, SVG and PNG for every chart into <out>/charts", () =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      const renderer = yield* ChartRenderer
      const out = yield* fs.makeTempDirectoryScoped({ prefix: "udsagn-charts-" })
      const files = yield* renderer.writeAll(specs, out)
      expect(files.map((f) => f.name)).toEqual(specs.map((s) => s.name))
      const listed = (yield* fs.readDirectory(path.join(out, "charts"))).sort()
      expect(listed).toEqual(specs.flatMap((s) => [`${s.name}.png`, `${s.name}.svg`, `${s.name}.vl.json`]).sort())
      for (const [i, chart] of specs.entries()) {
        const base = path.join(out, "charts", chart.name)
        expect(JSON.parse(yield* fs.readFileString(`${base}.vl.json`))).toEqual(chart.spec)
        const svg = yield* fs.readFileString(`${base}.svg`)
        expect(svg).toBe(files[i]!.svg)
        const png = yield* fs.readFile(`${base}.png`)
        expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
        expect(files[i]!.title).toBe(chart.title)
        expect(files[i]!.description).toBe(chart.description)
        expect(files[i]!.theme).toBe(chart.theme)
      }
    }).pipe(Effect.provide(TestLayer)), SLOW
  )

  it.scoped("writeAll in the chart thread gives the same SVGs and PNGs as in this thread; a broken chart is named", () =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      const renderer = yield* ChartRenderer
      const here = yield* fs.makeTempDirectoryScoped({ prefix: "udsagn-charts-here-" })
      const there = yield* fs.makeTempDirectoryScoped({ prefix: "udsagn-charts-thread-" })
      const before = process.env["UDSAGN_CHART_THREAD"]
      try {
        process.env["UDSAGN_CHART_THREAD"] = "0"
        yield* renderer.writeAll(specs, here)
        // From the sources the thread is used only when asked for (a build always uses it).
        process.env["UDSAGN_CHART_THREAD"] = "1"
        yield* renderer.prepare
        const files = yield* renderer.writeAll(specs, there)
        for (const [i, chart] of specs.entries()) {
          for (const ext of ["svg", "png"]) {
            const a = yield* fs.readFile(path.join(here, "charts", `${chart.name}.${ext}`))
            const b = yield* fs.readFile(path.join(there, "charts", `${chart.name}.${ext}`))
            expect(Buffer.from(b).equals(Buffer.from(a)), `${chart.name}.${ext}`).toBe(true)
          }
          expect(files[i]!.svg).toBe(yield* fs.readFileString(path.join(here, "charts", `${chart.name}.svg`)))
        }
        const broken: ChartSpec = { ...overview, name: "broken", title: "Ødelagt", spec: { data: { values: [] }, mark: "no-such-mark" as never } }
        const error = yield* Effect.flip(renderer.writeAll([overview, broken], there))
        expect(error._tag).toBe("ChartError")
        expect(error.chart).toBe("broken")
        expect(error.message).toContain("Ødelagt")
      } finally {
        if (before === undefined) delete process.env["UDSAGN_CHART_THREAD"]
        else process.env["UDSAGN_CHART_THREAD"] = before
      }
    }).pipe(Effect.provide(TestLayer)), SLOW
  )

  it.scoped("writeAll with reuseDir draws only the charts whose spec changed and copies the rest", () =>
    Effect.gen(function* () {
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      const renderer = yield* ChartRenderer
      const first = yield* fs.makeTempDirectoryScoped({ prefix: "udsagn-charts-a-" })
      const second = yield* fs.makeTempDirectoryScoped({ prefix: "udsagn-charts-b-" })
      yield* renderer.writeAll(specs, first)
      // One chart changed (a count moved), the others as before.
      const changed = specs.map((s) => s.name === overview.name
        ? { ...s, description: `${s.description} (rettet)`, spec: { ...s.spec, description: `${s.description} (rettet)` } }
        : s)
      const drawn: Array<string> = []
      const files = yield* renderer.writeAll(changed, second, { reuseDir: first, onDrawn: (n) => drawn.push(n) })
      expect(drawn).toEqual([overview.name])
      for (const [i, chart] of changed.entries()) {
        const read = (dir: string, ext: string) => fs.readFile(path.join(dir, "charts", `${chart.name}.${ext}`))
        const svg = yield* fs.readFileString(path.join(second, "charts", `${chart.name}.svg`))
        expect(svg).toBe(files[i]!.svg)
        if (chart.name === overview.name) expect(svg).toContain("(rettet)</desc>")
        if (chart.name !== overview.name) {
          expect(yield* read(second, "png")).toEqual(yield* read(first, "png"))
          expect(yield* read(second, "svg")).toEqual(yield* read(first, "svg"))
        }
      }
    }).pipe(Effect.provide(TestLayer)), SLOW
  )

  it.effect("renders hostile text (markup, quotes, Object.prototype names) as plain text", () =>
    Effect.gen(function* () {
      const renderer = yield* ChartRenderer
      const evil = 'Hvad med "constructor" og <script>alert(1)</script> \\ {{x}}?'
      const base = loadResult()
      const first = base.questions[0]!.title
      const statements = base.statements.map((s) =>
        s.question === first
          ? new CategorizedStatement({ ...s, question: evil })
          : s.themes.includes("staff-burnout" as ThemeId)
            ? new CategorizedStatement({ ...s, text: `${s.text} constructor hasOwnProperty __proto__` })
            : s
      )
      const hostile = new CategorizedResult({
        ...base,
        questions: base.questions.map((q) => (q.title === first ? new Question({ ...q, title: evil }) : q)),
        statements,
        closedQuestions: [
          new ClosedQuestion({
            title: "<b>constructor</b>",
            type: "choices",
            options: ["constructor", "__proto__", "toString", "Andet", "Andet"].map(
              (label, i) => new ClosedOption({ label, votes: i + 1 })
            )
          }),
          new ClosedQuestion({
            title: "toString",
            type: "scales",
            options: [new ClosedOption({ label: "valueOf", average: 2, distribution: [1, 2, 3, 2, 1] })]
          })
        ]
      })
      const hostileSummary = aggregate(hostile)
      const terms = hostileSummary.themes.find((t) => t.theme === "staff-burnout")!.keyTerms.map((k) => k.term)
      expect(terms.some((t) => t.includes("constructor"))).toBe(true)
      const charts = buildChartSpecs(hostileSummary, hostile)
      expect(charts.map((c) => c.name)).toEqual(expect.arrayContaining(["closed-b-constructor-b", "closed-tostring"]))
      for (const chart of charts) {
        const { svg } = yield* renderer.render(chart)
        expect(svg).not.toMatch(/<(?:script|b)\b/)
        if (chart.name === "theme-by-question") expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;")
        if (chart.name === "closed-tostring") expect(svg).toContain(">valueOf<")
        if (chart.name === "closed-b-constructor-b") {
          for (const label of ["constructor", "__proto__", "toString"]) expect(svg).toContain(`>${label}<`)
          expect(svg.match(/>Andet</g)).toHaveLength(2)
        }
      }
    }).pipe(Effect.provide(TestLayer)), SLOW
  )

  it("prefixes ids so several charts can sit in one HTML page", () => {
    const svg = '<svg width="1" height="1"><defs><clipPath id="clip1"/></defs><g clip-path="url(#clip1)"/></svg>'
    const done = finishSvg(svg, { name: "x", title: "T <&>", description: 'D "q"' })
    expect(done).toContain('id="udsagn-x-clip1"')
    expect(done).toContain("url(#udsagn-x-clip1)")
    expect(done).toContain("<title>T &lt;&amp;&gt;</title>")
    expect(done).toContain('aria-label="D &quot;q&quot;"')
  })
})
