import { formatInt } from "@udsagn/danish/Format"
import type { ChartFile, Summary } from "@udsagn/domain"
import { html, type Raw } from "../Html.js"
import { figure } from "./Parts.js"

// "Temaerne fordelt på spørgsmål": the theme × question chart and table.

export const matrixSection = (summary: Summary, charts: ReadonlyArray<ChartFile>): Raw => {
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
