import { describe, expect, it } from "@effect/vitest"
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { compile } from "vega-lite"
import { aggregate } from "@udsagn/aggregate/Aggregate"
import { CategorizedResult } from "@udsagn/domain/Analysis"
import { ClosedOption, ClosedQuestion } from "@udsagn/domain/ClosedQuestion"
import { formatDecimal, formatInt, formatPercent } from "@udsagn/danish/Format"
import { slugify } from "@udsagn/danish/Slug"
import { textColorOn, wrap } from "../src/ChartKit.js"
import { buildChartSpecs, type ChartSpec } from "../src/ChartSpecs.js"
import { loadFixture } from "./fixture.js"

// Golden specs: a change to any chart shows up as a diff here. After a deliberate change run
//   UPDATE_GOLDEN=1 npx vitest run --project charts
// and commit packages/charts/test/golden/*.vl.json.
const goldenDir = fileURLToPath(new URL("./golden/", import.meta.url))
const update = process.env.UPDATE_GOLDEN === "1"

const { result, summary } = loadFixture()
const specs = buildChartSpecs(summary, result)
const byName = new Map(specs.map((s) => [s.name, s]))
const serialize = (spec: unknown) => JSON.stringify(spec, null, 2) + "\n"
/** Expected labels are written with a plain space; the charts use a no-break space before %. */
const nb = (xs: ReadonlyArray<string>) => xs.map((x) => x.replace(/ %/g, "\u00a0%"))

/** Compiles a spec with vega-lite and returns its warnings and errors; a spec that cannot compile throws. */
const quietCompile = (chart: ChartSpec) => {
  const warnings: Array<string> = []
  const logger = {
    level: () => logger,
    error: (...a: Array<unknown>) => (warnings.push(a.join(" ")), logger),
    warn: (...a: Array<unknown>) => (warnings.push(a.join(" ")), logger),
    info: () => logger,
    debug: () => logger
  }
  compile(chart.spec, { logger: logger as never })
  return warnings
}

describe("buildChartSpecs", () => {
  it("makes the overview, theme × question, one chart per closed question and one per theme's key terms", () => {
    expect(specs.map((s) => s.name)).toEqual([
      "theme-overview",
      "theme-by-question",
      "closed-hvilken-sektor-arbejder-du-i",
      "closed-hvor-enig-er-du-1-helt-uenig-5-helt-enig",
      "terms-health-literacy",
      "terms-patient-involvement",
      "terms-visual-communication",
      "terms-staff-burnout"
    ])
    expect(specs.filter((s) => s.theme !== undefined).map((s) => s.theme)).toEqual([
      "health-literacy",
      "patient-involvement",
      "visual-communication",
      "staff-burnout"
    ])
  })

  it("draws key terms most used first, with a caption in plain Danish", () => {
    for (const chart of specs.filter((s) => s.kind === "terms")) {
      const values = (chart.spec as { data: { values: Array<{ statements: number }> } }).data.values.map((v) => v.statements)
      expect(values, chart.name).toEqual([...values].sort((a, b) => b - a))
      const text = JSON.stringify(chart.spec)
      expect(text).not.toContain("TF-IDF")
      expect(text).toContain("flest øverst")
    }
  })

  it.each(specs.map((s) => [s.name, s] as const))("%s matches its golden spec", (name, chart) => {
    const file = `${goldenDir}${name}.vl.json`
    if (update) {
      mkdirSync(goldenDir, { recursive: true })
      writeFileSync(file, serialize(chart.spec))
    }
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true)
    expect(serialize(chart.spec)).toBe(readFileSync(file, "utf8"))
  })

  it("says what each chart is, and which closed question a closed chart draws", () => {
    expect(specs.map((s) => s.kind)).toEqual(["overview", "matrix", "closed", "closed", "terms", "terms", "terms", "terms"])
    for (const s of specs.filter((c) => c.kind === "closed")) {
      expect(result.closedQuestions[s.closedQuestion!]!.title).toBe(s.title)
    }
  })

  it("has no golden file for a chart that no longer exists", () => {
    const golden = readdirSync(goldenDir).filter((f) => f.endsWith(".vl.json")).map((f) => f.replace(/\.vl\.json$/, ""))
    expect(golden.sort()).toEqual(specs.map((s) => s.name).sort())
  })

  it("is deterministic", () => {
    const again = buildChartSpecs(loadFixture().summary, loadFixture().result)
    expect(again.map((s) => serialize(s))).toEqual(specs.map((s) => serialize(s)))
  })

  it("gives every chart a title, a description and the Danish number locale", () => {
    for (const chart of specs) {
      expect(chart.title.length).toBeGreaterThan(3)
      expect(chart.description.length).toBeGreaterThan(40)
      const spec = chart.spec as { $schema?: string; description?: string; title?: unknown; config?: any }
      expect(spec.$schema).toMatch(/vega-lite\/v6/)
      expect(spec.description).toBe(chart.description)
      expect(spec.title).toBeDefined()
      expect(spec.config.locale.number).toMatchObject({ decimal: ",", thousands: "." })
      expect(spec.config.font).toBe("sans-serif")
    }
  })

  it("compiles every spec with vega-lite without warnings", () => {
    for (const chart of specs) expect(quietCompile(chart), chart.name).toEqual([])
  })

  it("colours the overview with each theme's fixed colour, in summary order, other last and grey", () => {
    const spec = byName.get("theme-overview")!.spec as any
    const color = spec.layer[0].encoding.color.scale
    const rows: Array<any> = spec.data.values
    // colours are keyed by category key; each key's row names its theme
    expect(color.domain).toEqual(rows.map((r) => r.key))
    expect(rows.map((r) => r.label)).toEqual(summary.themes.map((t) => t.label))
    expect(color.range).toEqual(summary.themes.map((t) => t.color))
    expect(rows.at(-1).label).toBe("Andet")
    expect(color.range.at(-1)).toBe("#999999")
    expect(spec.data.values.map((r: any) => r.text)).toEqual(
      nb(["15 (34,9 %)", "10 (23,3 %)", "8 (18,6 %)", "7 (16,3 %)", "7 (16,3 %)"])
    )
    expect(byName.get("theme-overview")!.description).toMatch(/mere end 100\u00a0%/)
  })

  it("keeps each theme's colour the same in every chart", () => {
    const tbq = byName.get("theme-by-question")!.spec as any
    const scale = tbq.layer[0].encoding.color.scale
    const rows: Array<any> = tbq.data.values
    expect(scale.domain.length).toBe(5)
    scale.domain.forEach((key: string, i: number) => {
      const theme = rows.find((r) => r.tkey === key).theme
      expect(scale.range[i]).toBe(summary.themes.find((t) => t.theme === theme)!.color)
    })
    for (const t of summary.themes.filter((t) => t.theme !== "other")) {
      const terms = byName.get(`terms-${t.theme}`)!.spec as any
      expect(terms.layer[0].mark.color).toBe(t.color)
    }
  })

  it("wraps long question titles on the theme × question axis", () => {
    const spec = serialize(byName.get("theme-by-question")!.spec)
    expect(spec).toContain('\\"Hvad kan vi gøre for at gøre det\\",\\"lettere for borgerne at forstå og\\"')
  })

  it("shows a scale as its distribution with the average, a choice as votes with shares", () => {
    const scale = byName.get("closed-hvor-enig-er-du-1-helt-uenig-5-helt-enig")!
    expect(scale.description).toContain("gennemsnit 2,7")
    expect((scale.spec as any).data.values).toHaveLength(10)
    const choice = byName.get("closed-hvilken-sektor-arbejder-du-i")!
    expect((choice.spec as any).data.values.map((r: any) => r.text)).toEqual(
      nb(["18 (33 %)", "23 (43 %)", "4 (7 %)", "6 (11 %)", "3 (6 %)"])
    )
  })
})

describe("buildChartSpecs on other shapes of input", () => {

  it("draws scales without a distribution and rankings as averages, choices without respondents as shares of votes", () => {
    const closed = [
      new ClosedQuestion({
        title: "Rangér indsatserne",
        type: "ranking",
        options: [new ClosedOption({ label: "Tolke", average: 1.4 }), new ClosedOption({ label: "Kurser", average: 2.6 })]
      }),
      new ClosedQuestion({
        title: "Hvor tilfreds er du?",
        type: "scales",
        respondents: 12,
        options: [new ClosedOption({ label: "Dagen som helhed", average: 4.25 })]
      }),
      new ClosedQuestion({
        title: "Hvor tilfreds er du?",
        type: "choices",
        options: [new ClosedOption({ label: "Ja", votes: 3 }), new ClosedOption({ label: "Nej", votes: 1 })]
      }),
      new ClosedQuestion({ title: "Tom", type: "quiz", options: [] })
    ]
    const charts = buildChartSpecs(summary, new CategorizedResult({ ...result, closedQuestions: closed }))
    const names = charts.map((c) => c.name).filter((n) => n.startsWith("closed-"))
    // same title twice: the second gets a suffix; an empty slide gets no chart
    expect(names).toEqual(["closed-ranger-indsatserne", "closed-hvor-tilfreds-er-du", "closed-hvor-tilfreds-er-du-2"])
    const [ranking, scale, choice] = charts.filter((c) => c.name.startsWith("closed-"))
    expect(ranking!.description).toContain("Gennemsnitlig placering")
    expect(ranking!.description).toContain("Tolke 1,4")
    expect(scale!.description).toContain("Dagen som helhed 4,3")
    expect(choice!.description).toContain("af alle stemmer")
    expect((choice!.spec as any).data.values.map((r: any) => r.text)).toEqual(nb(["3 (75 %)", "1 (25 %)"]))
    for (const c of charts) expect(quietCompile(c), c.name).toEqual([])
  })

  it("copes with an analysis without statements", () => {
    const empty = new CategorizedResult({ ...result, statements: [], closedQuestions: [] })
    const charts = buildChartSpecs(aggregate(empty), empty)
    expect(charts.map((c) => c.name)).toEqual(["theme-overview"])
    expect(quietCompile(charts[0]!)).toEqual([])
  })
})

describe("helpers", () => {
  it("formats numbers the Danish way", () => {
    expect(formatInt(1234567)).toBe("1.234.567")
    expect(formatDecimal(2.7333, 1)).toBe("2,7")
    expect(formatDecimal(1234.5, 2)).toBe("1.234,50")
    expect(formatPercent(0.34883)).toBe("34,9\u00a0%")
    expect(formatPercent(1, 0)).toBe("100\u00a0%")
  })

  it("wraps and truncates text into lines", () => {
    expect(wrap("Hvad tager du med hjem fra i dag?", 40)).toEqual(["Hvad tager du med hjem fra i dag?"])
    const lines = wrap("en to tre fire fem seks syv otte ni ti elleve tolv", 10, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1]!.endsWith("…")).toBe(true)
    for (const l of wrap("Sundhedskompetenceudviklingsprogrammet er langt", 12)) expect(l.length).toBeLessThanOrEqual(13)
  })

  it("makes file-safe Danish slugs", () => {
    expect(slugify("Hvor godt går det på sygehuset?", 40, "spoergsmaal")).toBe("hvor-godt-gaar-det-paa-sygehuset")
    expect(slugify("Ønsker & behov: 2025", 40, "spoergsmaal")).toBe("oensker-behov-2025")
    expect(slugify("?!", 40, "spoergsmaal")).toBe("spoergsmaal")
    expect(slugify("a".repeat(30) + " " + "b".repeat(30), 40, "spoergsmaal").length).toBeLessThanOrEqual(40)
  })

  it("picks readable text colours on the theme colours", () => {
    expect(textColorOn("#0072B2")).toBe("#ffffff")
    expect(textColorOn("#F0E442")).toBe("#000000")
    expect(textColorOn("#999999")).toBe("#000000")
  })
})
