import type { CategorizedResult, CategorizedStatement, Summary } from "@udsagn/domain"
import { OTHER } from "@udsagn/domain/Theme"
import { count, listAnd } from "../Format.js"
import { html, type Raw } from "../Html.js"
import { byId, dedupe, otherTheme, reviewReasons, reviewStatements } from "../ReportModel.js"
import { statementItem } from "./Parts.js"

// "Til gennemsyn": statements without a theme, and those placed with low confidence.

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
