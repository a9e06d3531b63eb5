import { describe, expect, it } from "vitest"
import { aggregate, isLowHangingFruit, isProposal } from "@udsagn/aggregate"
import { formatShare as formatPercent } from "@udsagn/danish/Format"
import { CategorizedResult, CategorizedStatement, EventInfo } from "@udsagn/domain"
import { strFromU8, unzipSync } from "fflate"
import { recommendationsDocx } from "../src/RecommendationsDocx.js"
import { buildRecommendations, escapeMarkdown, eventLine, recommendationsMarkdown } from "../src/Recommendations.js"
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
        // The wording is the first statement's; the others proposed the same (merged, counted).
        expect(byId.get(a.statementIds[0]!)!.text.replace(/\s+/g, " ").trim()).toBe(a.text)
        for (const id of a.statementIds) expect(byId.get(id)!.themes).toContain(r.theme)
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
    // Bare URLs: an escaped `:` or `.` renders the same text, but no autolink is made of it.
    expect(escapeMarkdown("Se https://www.sundhed.dk/borger og www.borger.dk eller min.side.dk/x?a=1 nu."))
      .toBe("Se https\\://www\\.sundhed\\.dk/borger og www\\.borger\\.dk eller min\\.side\\.dk/x?a=1 nu.")
    expect(escapeMarkdown("Mere tid, kl. 10.30, 2.500 kr. Tak.")).toBe("Mere tid, kl. 10.30, 2.500 kr. Tak.")
  })

  it("leaves no raw tag from the hostile fixture in the markdown", () => {
    const { result, summary } = hostileFixture()
    const md = recommendationsMarkdown(buildRecommendations(result, summary))
    expect(md).not.toMatch(/(?<!\\)<(?:script|img|h1|b\b|\/td)/)
    expect(md).not.toMatch(/\d{6}-?\d{4}|\d{2} \d{2} \d{2} \d{2}|hanne\.holm/)
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

describe("honest figures in the drafts", () => {
  const { result, summary } = sampleFixture()
  const draft = buildRecommendations(result, summary)
  const inTheme = (theme: string) => result.statements.filter((s) => (s.themes as ReadonlyArray<string>).includes(theme))

  it("counts every proposing statement of a theme, not only the few listed", () => {
    for (const r of draft.recommendations) {
      // Every proposing statement of the theme (questions and complaints are no proposals), each in
      // exactly one sub-topic, so the figure is the sum over the sub-topics' proposals.
      const proposing = inTheme(r.theme).filter(isProposal)
      if (proposing.length === 0) continue
      expect(r.rationale).toContain(`${proposing.length} udsagn foreslår noget konkret`)
    }
    // The sample has themes with more proposals than the draft lists: the figure must not be the cap.
    expect(draft.recommendations.some((r) => inTheme(r.theme).filter(isProposal).length > r.topics.flatMap((t) => t.proposals).length)).toBe(true)
  })

  it("counts a low-hanging fruit listed under several themes once in the discussion", () => {
    const distinct = new Set(draft.recommendations.flatMap((r) => r.lowHangingFruit.map((a) => a.statementIds[0])))
    const point = draft.discussion.find((d) => d.startsWith("Lavthængende frugter"))!
    expect(point).toContain(`${distinct.size} konkrete forslag`)
  })

  it("names a second question only when it is not tied with the next", () => {
    const theme = draft.recommendations[0]!.theme
    const titles = ["Første spørgsmål?", "Andet spørgsmål?", "Tredje spørgsmål?"]
    // Three statements from the first question, one from each of the others.
    const picked = inTheme(theme).slice(0, 5).map((s, i) =>
      new CategorizedStatement({ ...s, question: titles[i < 3 ? 0 : i - 2]! })
    )
    const tied = new CategorizedResult({ ...result, statements: picked })
    const rec = buildRecommendations(tied, aggregate(tied)).recommendations.find((r) => r.theme === theme)!
    expect(rec.rationale).toContain("flest fra »Første spørgsmål?« (3).")
    expect(rec.rationale).not.toContain("Andet spørgsmål?")
  })

  it("says one proposal in plain Danish, and no proposals without pointing to a list below", () => {
    const theme = draft.recommendations[0]!.theme
    const base = inTheme(theme)[0]!
    const texts = ["Brug tolk ved første samtale", "Det var en god dag", "Spændende oplæg om emnet"]
    const one = new CategorizedResult({
      ...result,
      statements: texts.map((text, i) =>
        new CategorizedStatement({ ...base, id: `s${900 + i}` as typeof base.id, text, rawText: text })
      )
    })
    const rec = buildRecommendations(one, aggregate(one)).recommendations[0]!
    expect(rec.rationale).toContain("1 udsagn foreslår noget konkret; det er enkelt at gå i gang med.")
    expect(rec.rationale).not.toContain("1 af dem")

    const none = new CategorizedResult({
      ...result,
      statements: texts.slice(1).map((text, i) =>
        new CategorizedStatement({ ...base, id: `s${900 + i}` as typeof base.id, text, rawText: text })
      )
    })
    const md = recommendationsMarkdown(buildRecommendations(none, aggregate(none)))
    expect(md).not.toContain("Ingen forslag ud over de lavthængende frugter nedenfor.")
  })
})

describe("the fewest statements", () => {
  it("is not pinned on one of two themes with equally few", () => {
    const { result } = sampleFixture()
    const themes = ["health-literacy", "health-literacy", "health-literacy", "patient-involvement", "patient-involvement",
      "visual-communication", "staff-burnout"]
    const tied = new CategorizedResult({
      ...result,
      statements: result.statements.slice(0, themes.length).map((s, i) =>
        new CategorizedStatement({ ...s, themes: [themes[i] as (typeof s.themes)[0]], duplicateOf: undefined as never })
      )
    })
    const discussion = buildRecommendations(tied, aggregate(tied)).discussion
    expect(discussion.some((d) => d.includes("fik færrest udsagn"))).toBe(false)
  })
})

describe("the order point", () => {
  it("does not name one of two themes tied for second place", () => {
    const { result } = sampleFixture()
    const themes = ["health-literacy", "health-literacy", "health-literacy", "patient-involvement", "patient-involvement",
      "visual-communication", "visual-communication", "staff-burnout"]
    const tied = new CategorizedResult({
      ...result,
      statements: result.statements.slice(0, themes.length).map((s, i) =>
        new CategorizedStatement({ ...s, themes: [themes[i] as (typeof s.themes)[0]], duplicateOf: undefined as never })
      )
    })
    const order = buildRecommendations(tied, aggregate(tied)).discussion[0]!
    expect(order).toContain(`Flest udsagn handlede om sundhedskompetence (${formatPercent(3 / 8)}).`)
    expect(order).not.toContain("patientinvolvering")
  })
})

describe("a draft from answers that are not Danish", () => {
  it("says first that the Danish themes do not apply; a Danish draft does not", () => {
    const { result, summary } = sampleFixture()
    expect(buildRecommendations(result, summary).discussion.some((d) => d.startsWith("Sprog:"))).toBe(false)
    const greek = ["Χρειαζόμαστε περισσότερο χρόνο με τους ασθενείς", "Καλύτερη ενημέρωση για τις οικογένειες", "Απλή γλώσσα στις επιστολές"]
    const foreign = new CategorizedResult({
      ...result,
      statements: result.statements.map((s, i) => new CategorizedStatement({ ...s, text: greek[i % greek.length]! }))
    })
    const draft = buildRecommendations(foreign, aggregate(foreign))
    expect(draft.discussion[0]).toMatch(/^Sprog: Svarene ser ikke ud til at være på dansk .*Temaerne og træfsikkerhedstallene gælder danske udsagn/)
    expect(recommendationsMarkdown(draft)).toContain("Sprog: Svarene ser ikke ud til at være på dansk")
  })
})
