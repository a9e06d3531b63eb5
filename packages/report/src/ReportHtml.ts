import type {
  CategorizedResult,
  CategorizedStatement,
  ChartFile,
  ClosedQuestion,
  Recommendation,
  RecommendationsDraft,
  Summary,
  ThemeSummary
} from "@udsagn/domain"
import { OTHER } from "@udsagn/domain/Theme"
import { createHash } from "node:crypto"
import { formatDate, formatDecimal, formatInt, formatShare } from "@udsagn/danish/Format"
import { confidenceWord } from "./Confidence.js"
import { count, listAnd, quoted } from "./Format.js"
import { html, raw, type Raw, sanitizeSvg } from "./Html.js"
import { type EvaluationMetrics, type LabelMetrics, labelMetrics, type MetricSet } from "./Metrics.js"
import { eventLine, representativeOf } from "./Recommendations.js"
import type { ReportInput } from "./ReportInput.js"
import { REPORT_CSS } from "./ReportStyle.js"
import {
  byId,
  dedupe,
  evidenceMatches,
  type EvidenceWords,
  leadingQuestions,
  mainThemes,
  matchRanges,
  otherTheme,
  questionsOfTheme,
  reviewReasons,
  reviewStatements,
  type Shown,
  statementsOfTheme,
  themeLabel
} from "./ReportModel.js"

// The report for the committee: one self-contained HTML file, Danish, printable on A4.
// Everything from the data goes through `html`, which escapes it; only our own markup is raw.

// Opens every collapsed list before printing (browsers without ::details-content print them shut).
const PRINT_SCRIPT =
  `addEventListener("beforeprint",function(){document.querySelectorAll("details").forEach(function(d){d.open=true})})`
const PRINT_SCRIPT_HASH = createHash("sha256").update(PRINT_SCRIPT).digest("base64")

// Nothing loads and nothing runs except the one script above, whatever the data holds.
const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${PRINT_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`

const SAFE_COLOR = /^#[0-9a-fA-F]{3,8}$/
const colorOf = (theme: ThemeSummary) => (SAFE_COLOR.test(theme.color) ? theme.color : "#777777")
const anchor = (theme: string) => `tema-${theme.replace(/[^a-z0-9-]/g, "")}`

// --- statements -------------------------------------------------------------------------

/**
 * Statement text with the words that decided its theme marked: word-list hits in yellow,
 * words the model leaned on underlined. Every piece of text is escaped.
 */
export const highlightText = (text: string, words: EvidenceWords | ReadonlyArray<string>): Raw => {
  const { lexicon, model } = Array.isArray(words) ? { lexicon: words, model: [] } : (words as EvidenceWords)
  const strong = matchRanges(text, lexicon).map(([a, b]) => ({ a, b, cls: "" }))
  const weak = matchRanges(text, model)
    .filter(([a, b]) => !strong.some((r) => a < r.b && b > r.a))
    .map(([a, b]) => ({ a, b, cls: "model" }))
  const ranges = [...strong, ...weak].sort((x, y) => x.a - y.a)
  const parts: Array<Raw> = []
  let at = 0
  for (const r of ranges) {
    parts.push(html`${text.slice(at, r.a)}<mark${r.cls ? raw(` class="${r.cls}"`) : ""}>${text.slice(r.a, r.b)}</mark>`)
    at = r.b
  }
  parts.push(html`${text.slice(at)}`)
  return html`${parts}`
}

const times = (n: number) => (n > 1 ? html` <span class="times" title="Skrevet ${n} gange">(×${n})</span>` : "")

const idList = (shown: Shown) => shown.ids.join(", ")

const statementItem = (result: CategorizedResult, shown: Shown, theme?: string, extra?: Raw): Raw => {
  const s = shown.statement
  const others = s.themes.filter((t) => t !== theme && t !== OTHER).map((t) => themeLabel(result, t))
  const c = confidenceWord(s.confidence)
  return html`<li>
<p class="text">${highlightText(s.text, evidenceMatches(s, theme))}${times(shown.times)}</p>
<p class="meta"><span class="sid">${idList(shown)}</span> · ${quoted(s.question)} · <span class="conf conf-${c}">sikkerhed ${
    formatShare(s.confidence)
  } (${c})</span>${
    others.length > 0 ? html` · ${theme === undefined ? "tema" : "også"}: ${listAnd(others)}` : ""
  }${s.overridden ? html` · <span class="fixed">rettet af en person</span>` : ""}${extra ?? ""}</p>
</li>`
}

const quoteBlock = (shown: Shown): Raw => {
  const s = shown.statement
  return html`<blockquote><p>»${s.text}«${times(shown.times)}</p><footer><span class="sid">${
    idList(shown)
  }</span> · ${quoted(s.question)}</footer></blockquote>`
}

// --- charts -----------------------------------------------------------------------------

// A question used as a title already ends a sentence ("… først?"); no "?." for screen readers.
const sentence = (text: string) => (/[.?!:…]$/u.test(text.trim()) ? text.trim() : `${text.trim()}.`)

const figure = (chart: ChartFile): Raw =>
  html`<figure class="chart" role="group" aria-label="${chart.title}">
${raw(sanitizeSvg(chart.svg))}
<figcaption class="sr-only">${sentence(chart.title)} ${chart.description}</figcaption>
</figure>`

interface ChartPlan {
  readonly overview: ReadonlyArray<ChartFile>
  readonly matrix: ReadonlyArray<ChartFile>
  readonly byTheme: ReadonlyMap<string, ReadonlyArray<ChartFile>>
  readonly closed: ReadonlyArray<ChartFile>
}

/** Which section each chart belongs to: the charts stage says what each chart is. */
export const planCharts = (charts: ReadonlyArray<ChartFile>): ChartPlan => {
  const overview: Array<ChartFile> = []
  const matrix: Array<ChartFile> = []
  const closed: Array<ChartFile> = []
  const byTheme = new Map<string, Array<ChartFile>>()
  for (const c of charts) {
    switch (c.kind) {
      case "overview":
        overview.push(c)
        break
      case "matrix":
        matrix.push(c)
        break
      case "closed":
        closed.push(c)
        break
      case "terms":
        // A terms chart without a theme has no section of its own; it goes with the other figures.
        if (c.theme !== undefined) byTheme.set(c.theme, [...(byTheme.get(c.theme) ?? []), c])
        else closed.push(c)
        break
    }
  }
  return { overview, matrix, byTheme, closed }
}

// --- sections ---------------------------------------------------------------------------

const themeSentence = (result: CategorizedResult, t: ThemeSummary, rank: number, alone: boolean): Raw => {
  const terms = t.keyTerms.slice(0, 3).map((k) => quoted(k.term))
  const quote = [...representativeOf(result, t, 3)].sort((a, b) => a.statement.text.length - b.statement.text.length)[0]
  // A tie at the top is said as a tie, as the drafts' headlines do.
  const opening = rank === 0
    ? html`<strong>${t.label}</strong> er ${alone ? "det største tema" : "et af de største temaer"}: ${count(t.count, "udsagn", "udsagn")} (${formatShare(t.share)}).`
    : html`<strong>${t.label}</strong>: ${count(t.count, "udsagn", "udsagn")} (${formatShare(t.share)}).`
  return html`<li>${opening}${terms.length > 0 ? html` Ord der går igen: ${listAnd(terms)}.` : ""}${
    quote ? html` Fx »${quote.statement.text}« <span class="sid">(${quote.statement.id})</span>.` : ""
  }</li>`
}

const MASK_WORDS = {
  cpr: ["CPR-nummer", "CPR-numre"],
  phone: ["telefonnummer", "telefonnumre"],
  email: ["e-mailadresse", "e-mailadresser"]
} as const

const ledgerText = (result: CategorizedResult, summary: Summary): Raw => {
  const l = result.ledger
  const excludedTotal = l.excluded.reduce((n, e) => n + e.count, 0)
  const masked = (["cpr", "phone", "email"] as const)
    .filter((k) => l.masked[k] > 0)
    .map((k) => count(l.masked[k], MASK_WORDS[k][0], MASK_WORDS[k][1]))
  const maskedTotal = l.masked.cpr + l.masked.phone + l.masked.email
  return html`<p>Filen <span class="file">${l.source}</span> indeholdt ${count(l.read, "svar", "svar")} på de åbne spørgsmål. ${
    formatInt(l.kept)
  } er med i analysen${
    excludedTotal > 0
      ? html`, og ${formatInt(excludedTotal)} er sorteret fra, fordi de ikke var egentlige udsagn:`
      : html`; intet er sorteret fra.`
  }</p>
${
    excludedTotal > 0
      ? html`<ul class="excluded">${
        l.excluded.filter((e) => e.count > 0).map((e) =>
          html`<li>${e.label}: ${formatInt(e.count)}${
            // Some labels already give examples ("Testsvar (fx "test" eller "hej")").
            e.examples.length > 0 && !/\bfx\b/.test(e.label)
              ? html` (fx ${listAnd(e.examples.slice(0, 3).map((x) => quoted(x)))})`
              : ""
          }</li>`
        )
      }</ul>`
      : ""
  }
<p>${
    maskedTotal > 0
      ? html`Personoplysninger er skjult, før svarene blev analyseret: ${listAnd(masked)} er erstattet med en markering som [CPR], [telefon] eller [e-mail].`
      : html`Der blev ikke fundet CPR-numre, telefonnumre eller e-mailadresser i svarene.`
  }${
    l.duplicates > 0
      ? html` ${count(l.duplicates, "udsagn gentager", "udsagn gentager")} et andet ord for ord; de tæller med i tallene, men vises kun én gang med antallet i parentes, fx (×2).`
      : ""
  }${
    l.closedQuestions > 0
      ? html` Desuden var der ${count(l.closedQuestions, "lukket spørgsmål", "lukkede spørgsmål")} (afstemninger og skalaer), som er vist for sig til sidst.`
      : ""
  } I alt ${count(summary.statements, "udsagn", "udsagn")}, heraf ${formatInt(summary.distinctStatements)} forskellige.</p>`
}

const summarySection = (result: CategorizedResult, summary: Summary): Raw => {
  const e = result.event
  const top = [...mainThemes(summary)].filter((t) => t.count > 0).sort((a, b) => b.count - a.count).slice(0, 3)
  const multi = result.statements.filter((s) => s.themes.length > 1).length
  return html`<section id="sammenfatning" class="major">
<h2>Sammenfatning</h2>
<dl class="facts">
<div><dt>Dato</dt><dd>${e.date !== undefined ? formatDate(e.date) : "ikke oplyst"}</dd></div>
<div><dt>Deltagere, der svarede</dt><dd>${e.participants !== undefined ? `mindst ${formatInt(e.participants)}` : "ikke oplyst"}</dd></div>
<div><dt>Udsagn</dt><dd>${formatInt(summary.statements)}</dd></div>
<div><dt>Spørgsmål</dt><dd>${formatInt(summary.questions.length)}</dd></div>
</dl>
<h3>De største temaer</h3>
<ul class="top">${top.map((t, i) => themeSentence(result, t, i, top[1]?.count !== t.count))}</ul>
${
    multi > 0
      ? html`<p class="note">Et udsagn kan handle om flere temaer (${count(multi, "udsagn gør", "udsagn gør")} det her), så procenterne kan tilsammen give mere end 100.</p>`
      : ""
  }
<h3>Spørgsmålene</h3>
<ul class="questions">${
    summary.questions.map((q) => html`<li>${quoted(q.title)}: ${count(q.count, "udsagn", "udsagn")}</li>`)
  }</ul>
<h3>Sådan er svarene talt</h3>
${ledgerText(result, summary)}
</section>`
}

const overviewTable = (summary: Summary): Raw =>
  html`<table class="numbers">
<thead><tr><th scope="col">Tema</th><th scope="col" class="num">Udsagn</th><th scope="col" class="num">Andel</th></tr></thead>
<tbody>${
    summary.themes.map((t) =>
      html`<tr><th scope="row"><span class="swatch" style="background:${colorOf(t)}"></span>${t.label}</th><td class="num">${
        formatInt(t.count)
      }</td><td class="num">${formatShare(t.share, 1)}</td></tr>`
    )
  }</tbody>
</table>`

const overviewSection = (summary: Summary, charts: ReadonlyArray<ChartFile>): Raw =>
  html`<section id="overblik" class="major">
<h2>Temaerne i overblik</h2>
<p>Hvor mange udsagn der handler om hvert tema. Andelen er regnet af alle ${count(summary.statements, "udsagn", "udsagn")}.</p>
${charts.map(figure)}
${charts.length > 0 ? html`<details><summary>Tallene bag figuren</summary>${overviewTable(summary)}</details>` : overviewTable(summary)}
</section>`

const matrixSection = (summary: Summary, charts: ReadonlyArray<ChartFile>): Raw => {
  const cell = (theme: string, question: string) =>
    summary.matrix.find((c) => c.theme === theme && c.question === question)?.count ?? 0
  return html`<section id="spoergsmaal" class="major">
<h2>Temaerne fordelt på spørgsmål</h2>
<p>Hvilke spørgsmål fik deltagerne til at tale om hvilke temaer.</p>
${charts.map(figure)}
<details${charts.length === 0 ? " open" : ""}><summary>Tallene bag figuren</summary>
<table class="numbers matrix">
<thead><tr><th scope="col">Spørgsmål</th>${
    summary.themes.map((t) => html`<th scope="col" class="num">${t.label}</th>`)
  }</tr></thead>
<tbody>${
    summary.questions.map((q) =>
      html`<tr><th scope="row">${q.title}</th>${
        summary.themes.map((t) => html`<td class="num">${formatInt(cell(t.theme, q.title))}</td>`)
      }</tr>`
    )
  }</tbody>
</table>
</details>
</section>`
}

const actionList = (items: ReadonlyArray<{ text: string; statementIds: ReadonlyArray<string> }>): Raw =>
  html`<ul class="actions">${
    items.map((a) => html`<li>${a.text} <span class="sid">(${a.statementIds.join(", ")})</span></li>`)
  }</ul>`

const themeSection = (
  result: CategorizedResult,
  theme: ThemeSummary,
  rec: Recommendation | undefined,
  charts: ReadonlyArray<ChartFile>
): Raw => {
  const lookup = byId(result)
  const all = statementsOfTheme(result, theme.theme)
  const shown = dedupe([...all].sort((a, b) => b.confidence - a.confidence), lookup)
  const quotes = representativeOf(result, theme, 5)
  const questions = questionsOfTheme(all)
  const fruit = rec?.lowHangingFruit ?? []
  const actions = (rec?.actions ?? []).filter((a) => !a.lowHangingFruit)
  const description = result.themeSet.themes.find((t) => t.id === theme.theme)?.description
  return html`<section id="${anchor(theme.theme)}" class="major theme" style="--theme:${colorOf(theme)}">
<h2><span class="swatch" style="background:${colorOf(theme)}"></span>${theme.label}</h2>
<p class="lead"><span class="big">${formatInt(theme.count)}</span> udsagn · <span class="big">${
    formatShare(theme.share)
  }</span> af alle udsagn</p>
${
    description !== undefined && description !== theme.label
      ? html`<p class="covers"><strong>Temaet dækker:</strong> ${description}</p>`
      : ""
  }
${
    leadingQuestions(questions).length > 0
      ? html`<p>Flest fra ${
        listAnd(leadingQuestions(questions).map((q) => `${quoted(q.question)} (${formatInt(q.count)})`))
      }.</p>`
      : ""
  }
${
    charts.length > 0
      ? html`<h3>Det går igen</h3>
${charts.map(figure)}`
      : theme.keyTerms.length > 0
      ? html`<h3>Det går igen</h3>
<p class="terms">${
        theme.keyTerms.slice(0, 8).map((k) =>
          html`<span class="term">${k.term} <small>${formatInt(k.statements)}</small></span> `
        )
      }</p>
<p class="note">Ord, der bruges mere i dette tema end i de andre. Tallet er antal udsagn med ordet.</p>`
      : ""
  }
${
    quotes.length > 0
      ? html`<h3>Udvalgte udsagn</h3>
${quotes.map(quoteBlock)}`
      : ""
  }
<h3>Lavthængende frugter</h3>
${
    fruit.length > 0
      ? html`<p class="note">Konkrete forslag fra deltagerne, som er enkle at gå i gang med.</p>${actionList(fruit)}`
      : html`<p>Ingen af udsagnene peger på en enkel, konkret handling.</p>`
  }
${
    actions.length > 0
      ? html`<h3>Andre konkrete forslag</h3>${actionList(actions)}`
      : ""
  }
${
    all.length > 0
      ? html`<details class="all"><summary>${all.length === 1 ? "Det ene udsagn" : `Alle ${count(all.length, "udsagn", "udsagn")}`} om ${
        theme.label.toLocaleLowerCase("da")
      }</summary>
<p class="note">Mest sikre først. <mark>Gult</mark>: ord fra temaets ordliste. <mark class="model">Understreget</mark>: ord, som den statistiske model lagde vægt på.</p>
<ol class="statements">${shown.map((s) => statementItem(result, s, theme.theme))}</ol>
</details>`
      : ""
  }
</section>`
}

const reviewSection = (result: CategorizedResult, summary: Summary): Raw => {
  const lookup = byId(result)
  const review = reviewStatements(result, summary)
  const other = dedupe(review.filter((s) => (s.themes as ReadonlyArray<string>).includes(OTHER)), lookup)
  const unsure = dedupe(
    review.filter((s) => !(s.themes as ReadonlyArray<string>).includes(OTHER)).sort((a, b) =>
      a.confidence - b.confidence
    ),
    lookup
  )
  const otherSummary = otherTheme(summary)
  const reasons = (s: CategorizedStatement) => html` · <span class="why">${listAnd(reviewReasons(s, summary))}</span>`
  return html`<section id="til-gennemsyn" class="major">
<h2>Til gennemsyn</h2>
<p>Udsagn, som en person bør se på: dem, programmet ikke kunne placere i et tema (»${result.themeSet.otherLabel}«), og dem, det placerede med lav sikkerhed. Tallene i rapporten regner med den automatiske placering, indtil nogen har rettet den.</p>
<p class="note"><mark>Gult</mark>: ord fra et temas ordliste. <mark class="model">Understreget</mark>: ord, som den statistiske model lagde vægt på.</p>
<details><summary>${result.themeSet.otherLabel}: ${count(otherSummary?.count ?? other.length, "udsagn", "udsagn")} uden tema</summary>
${
    other.length > 0
      ? html`<ol class="statements">${other.map((s) => statementItem(result, s, undefined, reasons(s.statement)))}</ol>`
      : html`<p>Ingen.</p>`
  }
</details>
<details><summary>Usikkert placeret: ${
    // Every copy counts, as in the drafts and the method section; the list shows each text once.
    count(unsure.reduce((n, s) => n + s.times, 0), "udsagn", "udsagn")
  }</summary>
${
    unsure.length > 0
      ? html`<ol class="statements">${unsure.map((s) => statementItem(result, s, undefined, reasons(s.statement)))}</ol>`
      : html`<p>Ingen.</p>`
  }
</details>
</section>`
}

const closedBars = (q: ClosedQuestion): Raw => {
  if (q.type === "scales") {
    const steps = Math.max(0, ...q.options.map((o) => o.distribution?.length ?? 0))
    const stepHeads = Array.from({ length: steps }, (_, i) => html`<th scope="col" class="num">${i + 1}</th>`)
    return html`<table class="numbers"><thead><tr><th scope="col">Udsagn</th>${stepHeads}<th scope="col" class="num">Gennemsnit</th></tr></thead><tbody>${
      q.options.map((o) =>
        html`<tr><th scope="row">${o.label}</th>${
          Array.from({ length: steps }, (_, i) => html`<td class="num">${formatInt(o.distribution?.[i] ?? 0)}</td>`)
        }<td class="num">${o.average !== undefined ? formatDecimal(o.average, 1) : "–"}</td></tr>`
      )
    }</tbody></table>${
      steps > 0 ? html`<p class="note">Tallene under 1–${steps} er antal svar på hvert trin af skalaen.</p>` : ""
    }`
  }
  const total = q.options.reduce((n, o) => n + (o.votes ?? 0), 0)
  // Where several picks were allowed, a share of the people who answered, as in the chart.
  const base = q.respondents !== undefined && q.respondents > 0 ? q.respondents : total
  const max = Math.max(1, ...q.options.map((o) => o.votes ?? 0))
  return html`<table class="numbers bars"><thead><tr><th scope="col">Svar</th><th scope="col" class="num">Stemmer</th><th scope="col">Andel${
    base === q.respondents ? " af dem, der svarede" : " af stemmerne"
  }</th></tr></thead><tbody>${
    q.options.map((o) => {
      const v = o.votes ?? 0
      return html`<tr><th scope="row">${o.label}</th><td class="num">${formatInt(v)}</td><td class="bar"><span class="track"><span style="width:${
        Math.round((v / max) * 100)
      }%"></span></span> ${base > 0 ? formatShare(v / base) : ""}</td></tr>`
    })
  }</tbody></table>`
}

const closedSection = (result: CategorizedResult, charts: ReadonlyArray<ChartFile>): Raw => {
  if (result.closedQuestions.length === 0 && charts.length === 0) return html``
  const used = new Set<ChartFile>()
  const items = result.closedQuestions.map((q, index) => {
    const chart = charts.find((c) => c.closedQuestion === index)
    if (chart) used.add(chart)
    // A chart draws its own title and respondents; without one, say them here.
    if (chart) {
      return html`<div class="closed">
${figure(chart)}
<details><summary>Tallene bag figuren</summary>${closedBars(q)}</details>
</div>`
    }
    return html`<div class="closed">
<h3>${q.title}</h3>
<p class="note">${q.type === "scales" ? "Skala" : q.type === "ranking" ? "Rangordning" : q.type === "quiz" ? "Quiz" : "Afstemning"}${
      q.respondents !== undefined ? html` · ${count(q.respondents, "deltager svarede", "deltagere svarede")}` : ""
    }</p>
${closedBars(q)}
</div>`
  })
  const rest = charts.filter((c) => !used.has(c))
  return html`<section id="lukkede" class="major">
<h2>Afstemninger og skalaer</h2>
<p>Lukkede spørgsmål, hvor deltagerne valgte mellem faste svar. De er talt op, ikke sorteret i temaer.</p>
${items}
${rest.length > 0 ? html`<h3>Flere figurer</h3>${rest.map(figure)}` : ""}
</section>`
}

const pct = (v: number | undefined) => (v === undefined ? "–" : formatShare(v))
const dec = (v: number | undefined) => (v === undefined ? "–" : formatDecimal(v, 2))

/** "Most reliable for X, least for Y", from the per-theme F1. */
const bestWorst = (labels: ReadonlyArray<readonly [string, LabelMetrics]>, name: (id: string) => string): Raw | "" => {
  const scored = labels.filter(([, l]) => l.f1 !== undefined).sort((a, b) => (b[1].f1 ?? 0) - (a[1].f1 ?? 0))
  const best = scored[0]
  const worst = scored[scored.length - 1]
  if (best === undefined || worst === undefined || scored.length < 2) return ""
  return html` Sorteringen rammer bedst for »${name(best[0])}« (F1 ${dec(best[1].f1)}) og mindst godt for »${
    name(worst[0])
  }« (F1 ${dec(worst[1].f1)}).`
}

const metricsText = (result: CategorizedResult, metrics: EvaluationMetrics | undefined): Raw => {
  // The independent holdout (gold) comes first: it was written apart from the training data and
  // never used during development, so it is the most honest estimate for politicians to read.
  const pick: ReadonlyArray<readonly [MetricSet | undefined, string]> = [
    [metrics?.gold, "udsagn, som mennesker har skrevet og sorteret efter kodebogen uafhængigt af programmets træningsmateriale, og som programmet ikke har lært af"],
    [metrics?.dev, "udsagn, som mennesker har sorteret efter kodebogen, og som programmet ikke har lært af"],
    [metrics?.sample, "udsagn fra eksempelfilen, som mennesker har sorteret efter kodebogen"],
    [metrics?.crossValidation, "udsagn fra træningsmaterialet ved krydsvalidering (programmet lærer af en del og prøves på resten)"]
  ]
  const found = pick.find(([m]) =>
    m !== undefined && (m.macroF1 !== undefined || m.exactMatch !== undefined || labelMetrics(m).length > 0)
  )
  if (!found || !found[0]) {
    return html`<p>Tal for, hvor godt den automatiske sortering rammer, er ikke tilgængelige for denne rapport: der var ingen evalueringstal at læse. Administrationen kan danne dem med kommandoen <code>pnpm evaluate</code>.</p>`
  }
  const [m, what] = found
  const labels = labelMetrics(m)
  const cv = metrics?.crossValidation
  const cvNote = cv !== undefined && cv !== m && cv.macroF1 !== undefined
    ? html` Ved krydsvalidering på træningsmaterialet${
      cv.folds !== undefined ? html` (${formatInt(cv.folds)} runder)` : ""
    } var træfsikkerheden ${formatDecimal(cv.macroF1, 2)}.`
    : ""
  const dev = metrics?.dev
  const devNote = dev !== undefined && dev !== m && dev.macroF1 !== undefined
    ? html` På et andet testsæt${dev.n !== undefined ? html` (${formatInt(dev.n)} udsagn)` : ""} var den ${
      formatDecimal(dev.macroF1, 2)
    }.`
    : ""
  const name = (id: string) => themeLabel(result, id)
  return html`<p>Programmet er afprøvet på ${m.n !== undefined ? `${formatInt(m.n)} ` : ""}${what}${
    m.folds !== undefined ? html` (${formatInt(m.folds)} runder)` : ""
  }.${
    m.exactMatch !== undefined
      ? html` Det gav præcis samme temaer som mennesket for <strong>${formatShare(m.exactMatch)}</strong> af udsagnene.`
      : ""
  }${
    m.macroF1 !== undefined
      ? html` Den samlede træfsikkerhed (F1, gennemsnit over temaerne) er <strong>${formatDecimal(m.macroF1, 2)}</strong> på en skala fra 0 til 1, hvor 1 er fuld overensstemmelse.`
      : ""
  }${devNote}${cvNote}${bestWorst(labels, name)}</p>
${
    labels.length > 0
      ? html`<table class="numbers metrics">
<thead><tr><th scope="col">Tema</th><th scope="col" class="num">Rigtigt, når programmet vælger temaet</th><th scope="col" class="num">Fundet af dem, mennesker gav temaet</th><th scope="col" class="num">F1</th><th scope="col" class="num">Kappa</th><th scope="col" class="num">Udsagn</th></tr></thead>
<tbody>${
        labels.map(([id, l]) =>
          html`<tr><th scope="row">${name(id)}</th><td class="num">${pct(l.precision)}</td><td class="num">${
            pct(l.recall)
          }</td><td class="num">${dec(l.f1)}</td><td class="num">${dec(l.kappa)}</td><td class="num">${
            l.support === undefined ? "–" : formatInt(l.support)
          }</td></tr>`
        )
      }</tbody>
</table>
<p class="note">Kappa måler enighed ud over det, man ville få ved et tilfælde: 0 er tilfældig enighed, 1 er fuld enighed. Over 0,6 regnes normalt for god og over 0,8 for meget god enighed.</p>`
      : ""
  }`
}

const methodSection = (result: CategorizedResult, summary: Summary, metrics: EvaluationMetrics | undefined): Raw => {
  const sources = new Set(result.statements.flatMap((s) => s.evidence.map((e) => e.source)))
  const overridden = result.statements.filter((s) => s.overridden).length
  const themeCount = result.themeSet.themes.length
  const how: Array<string> = []
  if (sources.has("lexicon")) how.push("en ordliste med ord og vendinger for hvert tema")
  if (sources.has("classifier")) {
    how.push("en statistisk model, der har lært af udsagn, som mennesker har sorteret efter samme kodebog")
  }
  const sumShares = mainThemes(summary).reduce((n, t) => n + t.share, 0)
  const hasWordcloud = result.questions.some((q) => q.type === "wordcloud")
  const reviewCount = reviewStatements(result, summary).length
  return html`<section id="metode" class="major">
<h2>Metode</h2>
<h3>Sådan er udsagnene sorteret</h3>
<p>Hvert udsagn er sorteret automatisk i ${count(themeCount, "tema", "temaer")} (${
    // Quoted: a label may itself hold "og" ("Medarbejdertrivsel og ildsjæle").
    listAnd(result.themeSet.themes.map((t) => quoted(t.label)))
  }) efter en kodebog, der beskriver, hvad hvert tema dækker. Et udsagn kan høre til flere temaer; udsagn, der ikke passer i nogen, står under »${result.themeSet.otherLabel}«.${
    how.length > 0 ? html` Sorteringen bygger på ${listAnd(how)}.` : ""
  }${
    overridden > 0 ? html` ${count(overridden, "udsagn er", "udsagn er")} rettet af en person.` : ""
  } For hvert udsagn angiver programmet, hvor sikkert det er på placeringen, og hvilke ord der afgjorde den (markeret i listerne).</p>
<h3>Hvor godt rammer sorteringen?</h3>
${metricsText(result, metrics)}
<h3>Begrænsninger</h3>
<ul>
<li>Tallene viser, hvad der blev skrevet, ikke hvor mange der mener det. En deltager kunne skrive flere svar, og ikke alle svarede på alle spørgsmål.</li>
<li>Sorteringen er automatisk og kan tage fejl, især ved korte eller tvetydige svar. ${
    reviewCount > 0
      ? html`${count(reviewCount, "udsagn er", "udsagn er")} derfor samlet under »Til gennemsyn«.`
      : "Ingen udsagn er markeret til gennemsyn."
  }</li>
${sumShares > 1 ? html`<li>Et udsagn kan have flere temaer, så andelene giver tilsammen mere end 100 %.</li>` : ""}
${hasWordcloud ? html`<li>Svar fra ordskyer er ét eller få ord; de tæller med som udsagn på lige fod med længere svar.</li>` : ""}
<li>»Det går igen« viser ord, der bruges mere i temaet end i de andre temaer. Udvalgte udsagn er dem, der ligger tættest på temaets kerne og er sikrest placeret.</li>
<li>Lavthængende frugter er udvalgt automatisk blandt de konkrete forslag: korte forslag, der begynder med en opfordring (»brug«, »husk«, »tilbyd« …) eller nævner et enkelt redskab (breve, video, tolk …). En person bør vurdere, om de faktisk er enkle.</li>
<li>Personoplysninger (CPR-numre, telefonnumre og e-mailadresser) er skjult, før udsagnene blev analyseret. Gentagne udsagn tæller med, men vises én gang.</li>
</ul>
</section>`
}

const toc = (summary: Summary, hasClosed: boolean): Raw =>
  html`<nav class="toc" aria-label="Indhold"><h2>Indhold</h2><ol>
<li><a href="#sammenfatning">Sammenfatning</a></li>
<li><a href="#overblik">Temaerne i overblik</a></li>
<li><a href="#spoergsmaal">Temaerne fordelt på spørgsmål</a></li>
${mainThemes(summary).map((t) => html`<li><a href="#${anchor(t.theme)}">${t.label}</a></li>`)}
<li><a href="#til-gennemsyn">Til gennemsyn</a></li>
${hasClosed ? html`<li><a href="#lukkede">Afstemninger og skalaer</a></li>` : ""}
<li><a href="#metode">Metode</a></li>
</ol></nav>`

/** What the HTML report is drawn from: the writer's input plus the draft it built once. */
export interface ReportHtmlInput extends Omit<ReportInput, "outDir"> {
  /** The recommendations draft, the same one the .md, .json and .docx are written from. */
  readonly draft: RecommendationsDraft
}

/** The whole report as one self-contained HTML document. */
export const renderReportHtml = (input: ReportHtmlInput): string => {
  const { charts, draft, metrics, result, summary } = input
  const plan = planCharts(charts)
  const recOf = (theme: string) => draft.recommendations.find((r) => r.theme === theme)
  const hasClosed = result.closedQuestions.length > 0 || plan.closed.length > 0
  const e = result.event
  const doc = html`<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e.title}: deltagernes udsagn</title>
<style>${raw(REPORT_CSS)}</style>
<script>${raw(PRINT_SCRIPT)}</script>
</head>
<body>
<header class="cover">
<p class="kicker">Rapport til udvalget</p>
<h1>${e.title}</h1>
<p class="sub">Deltagernes udsagn sorteret i temaer${
    e.date !== undefined && eventLine(result) !== e.title ? html` · ${formatDate(e.date)}` : ""
  }</p>
</header>
${toc(summary, hasClosed)}
<main>
${summarySection(result, summary)}
${overviewSection(summary, plan.overview)}
${matrixSection(summary, plan.matrix)}
${mainThemes(summary).map((t) => themeSection(result, t, recOf(t.theme), plan.byTheme.get(t.theme) ?? []))}
${reviewSection(result, summary)}
${closedSection(result, plan.closed)}
${methodSection(result, summary, metrics)}
</main>
<footer class="end"><p>Dannet automatisk af programmet udsagn ud fra ${
    count(summary.statements, "udsagn", "udsagn")
  }. Udsagnenes id'er (fx ${result.statements[0]?.id ?? "s0001"}) findes også i regnearket statements.xlsx, og udkastet til anbefalinger til sundhedsrådene ligger i recommendations.docx (til redigering i Word).</p></footer>
</body>
</html>
`
  return doc.html
}
