import { formatInt } from "@udsagn/danish/Format"
import type { CategorizedResult, CategorizedStatement, Summary } from "@udsagn/domain"
import { OTHER } from "@udsagn/domain/Theme"
import { count, listAnd } from "../Format.js"
import { html, type Raw } from "../Html.js"
import { listsEveryStatement, REVIEW_EXAMPLES } from "../ReportLimits.js"
import { byId, dedupe, otherTheme, reviewReasons, reviewStatements, type Shown } from "../ReportModel.js"
import { statementItem } from "./Parts.js"

// "Til gennemsyn": statements without a theme, and those placed with low confidence. Above the
// report's list limit each list shows its first examples and says where the rest are.

export const reviewSection = (result: CategorizedResult, summary: Summary): Raw => {
  const lookup = byId(result)
  const review = reviewStatements(result, summary)
  const other = dedupe(review.filter((s) => (s.themes as ReadonlyArray<string>).includes(OTHER)), lookup)
  const unsure = dedupe(
    review.filter((s) => !(s.themes as ReadonlyArray<string>).includes(OTHER)).sort((a, b) =>
      a.confidence - b.confidence
    ),
    lookup
  )
  const listed = listsEveryStatement(result.statements.length)
  const otherSummary = otherTheme(summary)
  const reasons = (s: CategorizedStatement) => html` · <span class="why">${listAnd(reviewReasons(s, summary))}</span>`
  const list = (shown: ReadonlyArray<Shown>, which: string, where: string) => {
    if (shown.length === 0) return html`<p>Ingen.</p>`
    const items = listed ? shown : shown.slice(0, REVIEW_EXAMPLES)
    return html`${
      items.length < shown.length
        ? html`<p class="note not-listed">Her står ${which} ${formatInt(items.length)} af ${formatInt(shown.length)} forskellige udsagn. Alle står i regnearket statements.xlsx (${where}) og i statements.json.</p>`
        : ""
    }<ol class="statements">${items.map((s) => statementItem(result, s, undefined, reasons(s.statement)))}</ol>`
  }
  return html`<section id="til-gennemsyn" class="major">
<h2>Til gennemsyn</h2>
<p>Udsagn, som en person bør se på: dem, programmet ikke kunne placere i et tema (»${result.themeSet.otherLabel}«), og dem, det placerede med lav sikkerhed. Tallene i rapporten regner med den automatiske placering, indtil nogen har rettet den.</p>
<p class="note"><mark>Gult</mark>: ord fra et temas ordliste. <mark class="model">Understreget</mark>: ord, som den statistiske model lagde vægt på.</p>
<details><summary>${result.themeSet.otherLabel}: ${count(otherSummary?.count ?? other.length, "udsagn", "udsagn")} uden tema</summary>
${list(other, "de første", `filtrér kolonnen »temaer« på »${result.themeSet.otherLabel}«`)}
</details>
<details><summary>Usikkert placeret: ${
    // Every copy counts, as in the drafts and the method section; the list shows each text once.
    count(unsure.reduce((n, s) => n + s.times, 0), "udsagn", "udsagn")
  }</summary>
${list(unsure, "de mest usikre", "filtrér kolonnen »til gennemsyn« på »ja«")}
</details>
</section>`
}
