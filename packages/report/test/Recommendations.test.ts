import { describe, expect, it } from "vitest"
import { formatPercent } from "../src/Format.js"
import { CategorizedResult, CategorizedStatement, EventInfo } from "@udsagn/domain"
import { strFromU8, unzipSync } from "fflate"
import { recommendationsDocx } from "../src/RecommendationsDocx.js"
import { buildRecommendations, escapeMarkdown, eventLine, recommendationsMarkdown } from "../src/Recommendations.js"
import { isLowHangingFruit } from "../src/ReportModel.js"
import { hostileFixture, sampleFixture } from "./fixtures.js"

describe("buildRecommendations", () => {
  const { result, summary } = sampleFixture()
  const draft = buildRecommendations(result, summary)
  const byId = new Map(result.statements.map((s) => [s.id as string, s]))

  it("is an UDKAST with one recommendation per theme, heaviest first, never `other`", () => {
    expect(draft.status).toBe("UDKAST")
    const themes = summary.themes.filter((t) => t.theme !== "other" && t.count > 0)
    expect(draft.recommendations.map((r) => r.theme).sort()).toEqual(themes.map((t) => t.theme).sort())
    const counts = draft.recommendations.map((r) => r.statementCount)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(draft.recommendations[0]!.headline).toContain("det tema, deltagerne skrev mest om")
  })

  it("takes every number from the data", () => {
    for (const r of draft.recommendations) {
      const inTheme = result.statements.filter((s) => (s.themes as ReadonlyArray<string>).includes(r.theme))
      expect(r.statementCount).toBe(inTheme.length)
      expect(r.statementIds).toEqual(inTheme.map((s) => s.id))
      expect(r.rationale).toContain(`${inTheme.length} af ${result.statements.length} udsagn (${formatPercent(r.share)})`)
      expect(new Set(r.questions)).toEqual(new Set(inTheme.map((s) => s.question)))
    }
  })

  it("quotes and actions are participants' own words, traced to their statements", () => {
    for (const r of draft.recommendations) {
      expect(r.quotes.length).toBeGreaterThanOrEqual(2)
      expect(r.quotes.length).toBeLessThanOrEqual(3)
      for (const q of r.quotes) {
        const s = byId.get(q.statementId)!
        expect(q.text).toBe(s.text.replace(/\s+/g, " ").trim())
        expect(q.question).toBe(s.question)
        expect(s.themes).toContain(r.theme)
      }
      for (const a of [...r.actions, ...r.lowHangingFruit]) {
        expect(a.statementIds.length).toBeGreaterThan(0)
        for (const id of a.statementIds) {
          const s = byId.get(id)!
          expect(s.text.replace(/\s+/g, " ").trim()).toBe(a.text)
        }
      }
      expect(r.lowHangingFruit).toEqual(r.actions.filter((a) => a.lowHangingFruit))
    }
  })

  it("ends with points for the committee drawn from the figures", () => {
    expect(draft.discussion.length).toBeGreaterThanOrEqual(3)
    expect(draft.discussion[0]).toContain(draft.recommendations[0]!.themeLabel.toLocaleLowerCase("da"))
  })

  it("renders markdown marked UDKAST with headings per theme", () => {
    const md = recommendationsMarkdown(draft)
    expect(md.startsWith("# UDKAST: Anbefalinger til sundhedsrådene")).toBe(true)
    draft.recommendations.forEach((r, i) => expect(md).toContain(`## ${i + 1}. ${r.themeLabel}`))
    expect(md).toContain("## Til drøftelse i udvalget")
    const q = draft.recommendations[0]!.quotes[0]!
    expect(md).toContain(`(${q.statementId}, `)
  })
})

describe("markdown safety", () => {
  it("escapes audience text so it cannot become HTML, links or headings", () => {
    expect(escapeMarkdown("<script>alert(1)</script>")).toBe("\\<script\\>alert(1)\\</script\\>")
    expect(escapeMarkdown("[klik](javascript:x)")).toBe("\\[klik\\](javascript:x)")
    expect(escapeMarkdown("# overskrift")).toBe("\\# overskrift")
    expect(escapeMarkdown("-2+3 ildsjælene")).toBe("\\-2+3 ildsjælene")
  })

  it("leaves no raw tag from the hostile fixture in the markdown", () => {
    const { result, summary } = hostileFixture()
    const md = recommendationsMarkdown(buildRecommendations(result, summary))
    expect(md).not.toMatch(/(?<!\\)<(?:script|img|h1|b\b|\/td)/)
    expect(md).not.toMatch(/\d{6}-?\d{4}|\d{2} \d{2} \d{2} \d{2}|karen\.jensen/)
  })
})

describe("isLowHangingFruit", () => {
  it("takes short concrete proposals, not long reflections", () => {
    expect(isLowHangingFruit("Brug tolk ved første samtale")).toBe(true)
    expect(isLowHangingFruit("Korte breve uden fagsprog")).toBe(true)
    expect(isLowHangingFruit("Det er svært")).toBe(false)
    expect(isLowHangingFruit(`Brug ${"meget ".repeat(25)}tid`)).toBe(false)
  })
})

describe("eventLine", () => {
  it("adds the date unless the title already carries it", () => {
    const { result } = sampleFixture()
    expect(eventLine(result)).toBe(`${result.event.title}, 5. december 2024`)
    const dated = new CategorizedResult({ ...result, event: new EventInfo({ title: "Konference 5. december 2024", date: "2024-12-05" }) })
    expect(eventLine(dated)).toBe("Konference 5. december 2024")
  })
})

describe("recommendationsDocx", () => {
  it("writes valid XML even when a statement holds control characters", async () => {
    const { result, summary } = sampleFixture()
    const dirty = new CategorizedResult({
      ...result,
      statements: result.statements.map((s) => new CategorizedStatement({ ...s, text: `${s.text}\u0001\u0007\uFFFF` }))
    })
    const zip = unzipSync(await recommendationsDocx(buildRecommendations(dirty, summary)))
    const xml = strFromU8(zip["word/document.xml"]!)
    expect(xml).not.toMatch(/[\u0001\u0007\uFFFF]/)
    expect(xml).toContain("UDKAST")
  })
})
