import { formatDecimal, formatInt, formatShare } from "@udsagn/danish/Format"
import type { CategorizedResult, ChartFile, ClosedQuestion } from "@udsagn/domain"
import { count } from "../Format.js"
import { html, type Raw } from "../Html.js"
import { figure } from "./Parts.js"

// "Afstemninger og skalaer": the closed questions, with their charts or tables.

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

export const closedSection = (result: CategorizedResult, charts: ReadonlyArray<ChartFile>): Raw => {
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
