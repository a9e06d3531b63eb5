import { formatInt, formatShare } from "@udsagn/danish/Format"
import type { ChartFile, Summary } from "@udsagn/domain"
import { count } from "../Format.js"
import { html, type Raw } from "../Html.js"
import { colorOf, figure } from "./Parts.js"

// "Temaerne i overblik": the overview chart and the numbers behind it.

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

export const overviewSection = (summary: Summary, charts: ReadonlyArray<ChartFile>): Raw =>
  html`<section id="overblik" class="major">
<h2>Temaerne i overblik</h2>
<p>Hvor mange udsagn der handler om hvert tema. Andelen er regnet af alle ${count(summary.statements, "udsagn", "udsagn")}.</p>
${charts.map(figure)}
${charts.length > 0 ? html`<details><summary>Tallene bag figuren</summary>${overviewTable(summary)}</details>` : overviewTable(summary)}
</section>`
