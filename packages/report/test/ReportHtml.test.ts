import { aggregate } from "@udsagn/aggregate"
import { CategorizedResult, CategorizedStatement, ChartFile, Evidence, type ThemeId } from "@udsagn/domain"
import { CorrectionsUsed } from "@udsagn/domain/Categorization"
import { Ledger, UnreadColumn } from "@udsagn/domain/Ledger"
import { evidenceMatches } from "../src/ReportModel.js"
import { buildRecommendations } from "../src/Recommendations.js"
import { describe, expect, it } from "vitest"
import { formatShare as formatPercent } from "@udsagn/danish/Format"
import { renderReportHtml, type ReportHtmlInput } from "../src/ReportHtml.js"
import { planCharts } from "../src/sections/ChartPlan.js"
import { highlightText } from "../src/sections/Parts.js"
import { hostileFixture, sampleFixture, simpleCharts } from "./fixtures.js"

/** The page as the writer renders it: with the draft built from the same result and summary. */
const render = (input: Omit<ReportHtmlInput, "draft">) =>
  renderReportHtml({ ...input, draft: buildRecommendations(input.result, input.summary) })

const metrics = {
  dev: {
    n: 160,
    macroF1: 0.8123,
    microF1: 0.84,
    exactMatch: 0.71,
    perLabel: {
      "patient-involvement": { precision: 0.8, recall: 0.75, f1: 0.77, support: 40, kappa: 0.7 },
      "health-literacy": { precision: 0.9, recall: 0.85, f1: 0.874, support: 50, kappa: 0.81 }
    }
  }
}

describe("renderReportHtml", () => {
  const { result, summary } = sampleFixture()
  const charts = simpleCharts(summary)
  const page = render({ result, summary, charts, metrics })

  it("is one Danish document that loads nothing and runs nothing from outside", () => {
    expect(page.startsWith("<!doctype html>")).toBe(true)
    expect(page).toContain(`<html lang="da">`)
    expect(page).toContain(`http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;`)
    expect(page).not.toMatch(/<link\b|<img\b|<iframe\b|@import|url\(\s*["']?(?:https?:|\/\/)/i)
    expect(page).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:|\/\/|javascript:)/i)
    expect(page.match(/<script\b/g)).toHaveLength(1)
    expect(page).toMatch(/@page\s*\{\s*size:\s*A4/)
    expect(page).toMatch(/details::details-content/)
  })

  it("has the sections the committee reads, with one section per theme", () => {
    for (const id of ["sammenfatning", "overblik", "spoergsmaal", "til-gennemsyn", "lukkede", "metode"]) {
      expect(page).toContain(`<section id="${id}"`)
    }
    for (const t of summary.themes.filter((t) => t.theme !== "other")) {
      expect(page).toContain(`<section id="tema-${t.theme}"`)
      expect(page).toContain(`>${t.label}</h2>`)
      const description = result.themeSet.themes.find((x) => x.id === t.theme)!.description
      expect(page).toContain(`<strong>Temaet dækker:</strong> ${description}`)
    }
    expect(page).toContain("<h2>Til gennemsyn</h2>")
    expect(page).toContain("<h2>Metode</h2>")
  })

  it("writes the figures from the data in Danish format", () => {
    const top = summary.themes[0]!
    expect(page).toContain(`${top.count} udsagn (${formatPercent(top.share)})`)
    expect(page).toContain("5. december 2024")
    expect(page).toContain(`<dd>${summary.statements}</dd>`)
    expect(page).toContain(`${result.ledger.read} svar`)
    expect(page).toContain("Tomme svar: 4")
    // Metrics with decimal comma.
    expect(page).toContain("<strong>0,81</strong>")
    expect(page).toContain("<strong>71\u00a0%</strong>")
    expect(page).toContain("<td class=\"num\">0,87</td>")
  })

  it("inlines the charts in their sections", () => {
    expect(page).toContain(`<figcaption class="sr-only">Udsagn pr. tema. Vandrette søjler`)
    const overview = page.slice(page.indexOf(`<section id="overblik"`), page.indexOf(`<section id="spoergsmaal"`))
    expect(overview).toContain("<svg")
    const matrix = page.slice(page.indexOf(`<section id="spoergsmaal"`), page.indexOf(`<section id="tema-`))
    expect(matrix).toContain("Temaer pr. spørgsmål")
  })

  it("traces quotes to statement ids and shows duplicates once with a count", () => {
    const dup = result.statements.find((s) => s.duplicateOf !== undefined)!
    const original = result.statements.find((s) => s.id === dup.duplicateOf)!
    expect(page).toContain(`title="Skrevet 2 gange">(×2)</span>`)
    expect(page).toContain(`${original.id}, ${dup.id}`)
    for (const t of summary.themes.filter((t) => t.theme !== "other")) {
      for (const id of t.representative.slice(0, 3)) {
        const s = result.statements.find((x) => x.id === id)!
        // Representative quotes carry their id (alone or with its duplicates).
        expect(page).toMatch(new RegExp(`<span class="sid">${s.id}[,<]`))
      }
    }
  })

  it("marks evidence and lists every statement of a theme in a collapsible list", () => {
    const t = summary.themes.find((x) => x.theme !== "other")!
    const section = page.slice(page.indexOf(`<section id="tema-${t.theme}"`))
    const list = section.slice(section.indexOf("<details class=\"all\">"), section.indexOf("</details>"))
    const distinct = new Set(
      result.statements
        .filter((s) => (s.themes as ReadonlyArray<string>).includes(t.theme))
        .map((s) => s.duplicateOf ?? s.id)
    )
    expect(list.match(/<li>/g)).toHaveLength(distinct.size)
    expect(list).toContain("<mark>")
    expect(list).toMatch(/sikkerhed \d+\u00a0% \((høj|middel|lav)\)/)
  })

  it("puts `other` and unsure statements under review", () => {
    const review = page.slice(page.indexOf(`<section id="til-gennemsyn"`), page.indexOf(`<section id="lukkede"`))
    const other = result.statements.find((s) => s.themes[0] === "other" && s.duplicateOf === undefined)!
    const unsure = result.statements.find((s) => s.needsReview && s.themes[0] !== "other")!
    expect(review).toContain(`<span class="sid">${other.id}`)
    expect(review).toContain(`<span class="sid">${unsure.id}`)
    expect(review).toContain("intet tema")
    expect(review).toContain("usikker placering")
  })

  it("shows closed questions as counts", () => {
    expect(page).toContain("Hvor arbejder du?")
    expect(page).toContain(
      `Vi taler for meget fagsprog</th><td class="num">2</td><td class="num">4</td><td class="num">8</td><td class="num">18</td><td class="num">16</td><td class="num">3,9</td>`
    )
    // 27 of the 61 who answered.
    expect(page).toMatch(/Region<\/th><td class="num">27<\/td><td class="bar">.*?<\/span><\/span> 44\u00a0%/)
  })

  it("says so when no agreement figures exist", () => {
    const without = render({ result, summary, charts })
    expect(without).toContain("er ikke tilgængelige for denne rapport")
    expect(without).not.toContain("Kappa måler")
  })
})

describe("theme charts", () => {
  it("replace the key-term chips in their own theme's section", () => {
    const { result, summary } = sampleFixture()
    const termsChart = new ChartFile({
      name: "terms-health-literacy",
      kind: "terms",
      title: "Nøgleord: Sundhedskompetence",
      description: "Søjler med temaets nøgleord.",
      svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect id="terms-chart" width="5" height="5"/></svg>`,
      theme: "health-literacy"
    })
    const page = render({ result, summary, charts: [...simpleCharts(summary), termsChart] })
    const section = (id: string) => {
      const start = page.indexOf(`<section id="tema-${id}"`)
      return page.slice(start, page.indexOf("</section>", start))
    }
    expect(section("health-literacy")).toContain(`<rect id="terms-chart"`)
    expect(section("health-literacy")).not.toContain(`<span class="term">`)
    expect(section("patient-involvement")).not.toContain(`<rect id="terms-chart"`)
    expect(section("patient-involvement")).toContain(`<span class="term">`)
  })
})

describe("highlightText", () => {
  it("marks every occurrence, case-insensitively, and escapes around the marks", () => {
    expect(highlightText("<b>Tolk</b> og tolke", ["tolk"]).html).toBe(
      "&lt;b&gt;<mark>Tolk</mark>&lt;/b&gt; og <mark>tolk</mark>e"
    )
  })

  it("underlines the model's words apart from word-list hits, never both on one word", () => {
    expect(highlightText("Tolke og ildsjæle", { lexicon: ["tolke"], model: ["ildsjæle", "tolk"] }).html).toBe(
      `<mark>Tolke</mark> og <mark class="model">ildsjæle</mark>`
    )
  })

  it("merges overlapping matches", () => {
    expect(highlightText("klart sprog", ["klart sprog", "sprog"]).html).toBe("<mark>klart sprog</mark>")
  })
})

describe("planCharts", () => {
  it("places charts by their kind", () => {
    const { summary } = sampleFixture()
    const plan = planCharts(simpleCharts(summary))
    expect(plan.overview.map((c) => c.name)).toEqual(["theme-overview"])
    expect(plan.matrix.map((c) => c.name)).toEqual(["theme-by-question"])
  })
})

describe("hostile statements", () => {
  const { result, summary } = hostileFixture()
  const page = render({ result, summary, charts: simpleCharts(summary) })

  it("shows markup from the audience as text only", () => {
    expect(page).not.toMatch(/<img\b|<h1>Overskrift|<b\b|<\/td><\/tr><\/table>|<script>alert/i)
    expect(page.match(/<script\b/g)).toHaveLength(1)
    expect(page).toContain("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;<mark>Animationer</mark> hjælper borgerne")
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt; billeder i brevene")
    expect(page).toContain("&lt;b onmouseover=alert(2)&gt;Spørgsmål&lt;/b&gt;")
    expect(page).toContain("hostile-statements.csv&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;")
  })

  it("keeps personal data masked", () => {
    expect(page).not.toMatch(/\d{6}-?\d{4}|\d{2} \d{2} \d{2} \d{2}|hanne\.holm|@example\.dk/)
    expect(page).toContain("[CPR]")
    expect(page).toContain("[telefon]")
  })
})

describe("an analysis with no statements", () => {
  it("still renders every section and says there is nothing to show", () => {
    const { result } = sampleFixture()
    const empty = new CategorizedResult({ ...result, statements: [], closedQuestions: [], questions: [] })
    const summary = aggregate(empty)
    const page = render({ result: empty, summary, charts: [] })
    expect(page).toContain("<h2>Sammenfatning</h2>")
    expect(page).toContain("<h2>Til gennemsyn</h2>")
    expect(page).not.toContain(`<section id="lukkede"`)
    expect(page).toContain("Ingen af udsagnene peger på en enkel, konkret handling.")
    expect(buildRecommendations(empty, summary).recommendations).toEqual([])
  })
})

describe("evidenceMatches", () => {
  it("keeps word-list hits, drops the model's function words and an override's whole text", () => {
    const { result } = sampleFixture()
    const base = result.statements[0]!
    const ev = (match: string, source: "lexicon" | "classifier" | "override", theme = "health-literacy") =>
      new Evidence({ theme: theme as ThemeId, match, term: match, weight: 0.5, source })
    const s = new CategorizedStatement({
      ...base,
      text: "Vi mangler ikke tolke",
      evidence: [ev("tolke", "lexicon"), ev("ikke", "classifier"), ev("mangler", "classifier"), ev("Vi mangler ikke tolke", "override"), ev("tolke", "classifier", "patient-involvement")]
    })
    expect(evidenceMatches(s, "health-literacy")).toEqual({ lexicon: ["tolke"], model: ["mangler"] })
    expect(evidenceMatches(s)).toEqual({ lexicon: ["tolke"], model: ["mangler"] })
  })
})

describe("method section figures", () => {
  const { result, summary } = sampleFixture()
  const dev = { n: 160, macroF1: 0.95 }
  const gold = { n: 320, macroF1: 0.91, exactMatch: 0.88 }

  it("leads with the independent holdout and mentions the dev set beside it", () => {
    const page = render({ result, summary, charts: [], metrics: { dev, gold } })
    const method = page.slice(page.indexOf(`<section id="metode"`))
    expect(method).toContain("afprøvet på 320 udsagn")
    expect(method).toContain("<strong>0,91</strong>")
    expect(method).toContain("På et andet testsæt (160 udsagn) var den 0,95.")
  })

  it("uses the dev set alone when there is no holdout", () => {
    const page = render({ result, summary, charts: [], metrics: { dev } })
    const method = page.slice(page.indexOf(`<section id="metode"`))
    expect(method).toContain("afprøvet på 160 udsagn")
    expect(method).not.toContain("På et andet testsæt")
  })
})

describe("overview table", () => {
  it("gives shares with one decimal, as the chart above it labels its bars", () => {
    const { result, summary } = sampleFixture()
    const page = render({ result, summary, charts: [] })
    const top = summary.themes[0]!
    expect(page).toContain(`<td class="num">${formatPercent(top.share, 1)}</td>`)
    expect(formatPercent(0.349)).toBe("35\u00a0%")
    expect(formatPercent(0.349, 1)).toBe("34,9\u00a0%")
  })
})

describe("ties said as ties", () => {
  const { result } = sampleFixture()
  const titles = ["Første spørgsmål?", "Andet spørgsmål?", "Tredje spørgsmål?"]
  const themes = ["health-literacy", "health-literacy", "health-literacy", "health-literacy", "patient-involvement",
    "patient-involvement", "patient-involvement", "patient-involvement", "visual-communication"]
  // Health literacy: 2 from the first question, 1 each from the second and third.
  const questionOf = [0, 0, 1, 2, 0, 1, 2, 2, 0]
  const tied = new CategorizedResult({
    ...result,
    statements: result.statements.slice(0, themes.length).map((s, i) =>
      new CategorizedStatement({
        ...s,
        question: titles[questionOf[i]!]!,
        themes: [themes[i] as ThemeId],
        scores: { [themes[i]!]: 0.9 },
        duplicateOf: undefined as never
      })
    )
  })
  const page = render({ result: tied, summary: aggregate(tied), charts: [] })

  it("does not call one of two equal themes the largest", () => {
    expect(page).not.toContain("er det største tema")
    expect(page).toContain("er et af de største temaer")
  })

  it("does not name one of two equal questions as the runner-up", () => {
    const start = page.indexOf(`id="tema-health-literacy"`)
    const section = page.slice(start, page.indexOf("</section>", start))
    expect(section).toContain("<p>Flest fra »Første spørgsmål?« (2).</p>")
  })
})

describe("theme labels that hold \"og\"", () => {
  it("are quoted when listed, so the list reads unambiguously", () => {
    const { result, summary } = sampleFixture()
    const page = render({ result, summary, charts: [] })
    expect(page).toContain("(»Patientinvolvering«, »Visuel kommunikation«, »Medarbejdertrivsel og ildsjæle« og »Sundhedskompetence«)")
    const pair = buildRecommendations(result, summary).discussion.find((d) => d.startsWith("Sammenhæng"))!
    expect(pair).toMatch(/både om »[^«]+« og »[^«]+«\./)
  })
})

describe("review counts", () => {
  it("count every unsure statement, a repeated one as often as it was written, as the drafts and method do", () => {
    const { result } = sampleFixture()
    // The sample's duplicates and their originals, all placed with low confidence in a theme.
    const repeated = new Set(result.statements.flatMap((s) => s.duplicateOf !== undefined ? [s.id, s.duplicateOf] : []))
    const unsureTwice = new CategorizedResult({
      ...result,
      statements: result.statements.map((s) =>
        repeated.has(s.id)
          ? new CategorizedStatement({ ...s, themes: ["health-literacy" as ThemeId], needsReview: true, confidence: 0.4 })
          : s
      )
    })
    const summary = aggregate(unsureTwice)
    const page = render({ result: unsureTwice, summary, charts: [] })
    const unsure = unsureTwice.statements.filter((s) => s.needsReview && !(s.themes as ReadonlyArray<string>).includes("other"))
    expect(page).toContain(`Usikkert placeret: ${unsure.length} udsagn`)
    const point = buildRecommendations(unsureTwice, summary).discussion.find((d) => d.startsWith("Usikkerhed"))!
    expect(point).toContain(`${unsure.length} udsagn er placeret med lav sikkerhed`)
  })
})

describe("chart captions", () => {
  it("end a question title with its own question mark, not '?.'", () => {
    const { result, summary } = sampleFixture()
    const q = result.closedQuestions[0]!
    const chart = new ChartFile({ name: "closed-1", kind: "closed", closedQuestion: 0, title: `${q.title}`, description: "Vandret søjlediagram.", svg: "<svg></svg>" })
    const page = render({ result, summary, charts: [chart] })
    expect(q.title.endsWith("?")).toBe(true)
    expect(page).toContain(`<figcaption class="sr-only">${q.title} Vandret søjlediagram.</figcaption>`)
    expect(page).not.toContain("?. ")
  })
})

describe("a theme with one statement", () => {
  it("does not say 'Alle 1 udsagn'", () => {
    const { result } = sampleFixture()
    const one = new CategorizedResult({
      ...result,
      statements: result.statements.slice(0, 4).map((s, i) =>
        new CategorizedStatement({ ...s, themes: [(i === 0 ? "visual-communication" : "health-literacy") as ThemeId], duplicateOf: undefined as never })
      )
    })
    const page = render({ result: one, summary: aggregate(one), charts: [] })
    expect(page).not.toContain("Alle 1 udsagn")
    expect(page).toContain("<summary>Det ene udsagn om visuel kommunikation</summary>")
  })
})

describe("the method section's sentences come from this analysis", () => {
  const methodOf = (page: string) => page.slice(page.indexOf(`<section id="metode"`)).replace(/<[^>]+>/g, "")

  it("names what masking found, with counts, never a fixed claim", () => {
    const { result, summary } = hostileFixture()
    expect(methodOf(render({ result, summary, charts: simpleCharts(summary) }))).toContain(
      "Personoplysninger er skjult, før udsagnene blev analyseret (1 CPR-nummer, 2 telefonnumre og 1 e-mailadresse)."
    )
    const clean = sampleFixture()
    expect(methodOf(render({ result: clean.result, summary: clean.summary, charts: simpleCharts(clean.summary) }))).toContain("i denne fil fandt det ingen")
  })

  it("says how many saved corrections the sorting learnt from", () => {
    const { result, summary } = sampleFixture()
    const corrections = new CorrectionsUsed({ corrections: 12, retrainedWith: 10, followedExact: 3, followedNear: 1 })
    const method = methodOf(render({ result, summary, charts: simpleCharts(summary), corrections }))
    expect(method).toContain("Sorteringen har lært af 12 rettelser, som administrationen har gemt i tidligere analyser: 4 udsagn fik temaerne fra en rettelse af det samme eller næsten samme udsagn, og modellen er trænet igen med 10 af rettelserne.")
    expect(methodOf(render({ result, summary, charts: simpleCharts(summary) }))).not.toContain("har lært af")
  })
})

describe("a long list of statement ids", () => {
  it("wraps: a statement written hundreds of times does not make the page wider than the screen or A4", () => {
    const { result } = sampleFixture()
    const first = result.statements[0]!
    const copies = Array.from({ length: 300 }, (_, i) =>
      new CategorizedStatement({ ...first, id: `s${9000 + i}` as typeof first.id, duplicateOf: first.id }))
    const many = new CategorizedResult({ ...result, statements: [...result.statements, ...copies] })
    const summary = aggregate(many)
    const page = render({ result: many, summary, charts: simpleCharts(summary), metrics })
    const list = [first.id, ...copies.map((c) => c.id)].join(", ")
    // The ids are one span of ", "-separated ids, with a rule that lets it wrap (never nowrap).
    expect(page).toContain(`<span class="sid">${list}</span>`)
    const rule = /\.sid\s*\{([^}]*)\}/.exec(page)?.[1] ?? ""
    expect(rule).toContain("overflow-wrap: anywhere")
    expect(rule).not.toContain("nowrap")
  })

  it("shows at most 500 ids of one text and says how many more (a text written thousands of times)", () => {
    const { result } = sampleFixture()
    const first = result.statements[0]!
    const copies = Array.from({ length: 1_200 }, (_, i) =>
      new CategorizedStatement({ ...first, id: `s${90000 + i}` as typeof first.id, duplicateOf: first.id }))
    const many = new CategorizedResult({ ...result, statements: [...result.statements, ...copies] })
    const summary = aggregate(many)
    const page = render({ result: many, summary, charts: simpleCharts(summary), metrics })
    const shown = [first.id, ...copies.slice(0, 499).map((c) => c.id)].join(", ")
    expect(page).toContain(`<span class="sid">${shown} … og 701 flere (alle i statements.xlsx)</span>`)
    expect(page).not.toContain(copies[499]!.id)
  })
})

describe("answers that are not Danish", () => {
  const WARNING = "Svarene ser ikke ud til at være på dansk"
  const UKRAINIAN = ["Більше практичних занять", "Дякую за урок, було цікаво", "Хочу більше спілкування з учителями", "Що ми можемо покращити в школі"]

  it("get a warning in the opening and in the method section that the Danish themes and figures do not apply", () => {
    const { result } = sampleFixture()
    const foreign = new CategorizedResult({
      ...result,
      statements: result.statements.map((s, i) => new CategorizedStatement({ ...s, text: UKRAINIAN[i % UKRAINIAN.length]! }))
    })
    const summary = aggregate(foreign)
    const page = render({ result: foreign, summary, charts: simpleCharts(summary), metrics })
    const section = (id: string) => page.slice(page.indexOf(`<section id="${id}"`), page.indexOf("</section>", page.indexOf(`<section id="${id}"`)))
    for (const id of ["sammenfatning", "metode"]) {
      expect(section(id)).toContain(WARNING)
      expect(section(id)).toContain("Temaerne og træfsikkerhedstallene gælder danske udsagn")
    }
  })

  it("a Danish export gets none", () => {
    const { result, summary } = sampleFixture()
    expect(render({ result, summary, charts: simpleCharts(summary), metrics })).not.toContain(WARNING)
  })
})

describe("columns left unread", () => {
  it("are named in the account of the file, with how to read them instead", () => {
    const { result, summary } = sampleFixture()
    const ledger = new Ledger({ ...result.ledger, unread: [new UnreadColumn({ sheet: "Svar", column: "Kommentar", filled: 12 })] })
    const page = render({ result: new CategorizedResult({ ...result, ledger }), summary, charts: simpleCharts(summary) })
    expect(page.replace(/<[^>]+>/g, "")).toContain("Kolonnen »Kommentar« (ark »Svar«, 12 felter med tekst) er ikke læst")
    expect(render({ result, summary, charts: simpleCharts(summary) })).not.toContain("er ikke læst")
  })
})
