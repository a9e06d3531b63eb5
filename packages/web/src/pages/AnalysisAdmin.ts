import type { AnalysisMeta } from "../AnalysisMeta.js"
import { html } from "../Html.js"
import { errorBox } from "./Layout.js"

// The analysis page's forms for the whole analysis: its title and date, and deleting it.

/** A refused form, shown beside the form it came from. */
export interface AdminErrors {
  readonly details?: string
  readonly delete?: string
}

/** Title and date: open when there was an error, so the message is seen. */
export const detailsForm = (meta: AnalysisMeta, error: string | undefined) =>
  html`<details class="admin" id="titel"${error !== undefined ? html` open` : ""}>
<summary>Ret titel og dato</summary>
${errorBox("Titel og dato kunne ikke gemmes", error)}
<form method="post" action="/analyser/${meta.id}/detaljer" data-busy="Gemmer og laver rapporten igen …">
<p class="muted">Titlen og datoen står øverst i rapporten og i anbefalingerne, og titlen giver filerne navn.</p>
<div class="field"><label for="d-title">Titel</label><input type="text" id="d-title" name="title" value="${meta.title}" required maxlength="200"></div>
<div class="field"><label for="d-date">Dato</label><input type="date" id="d-date" name="date" value="${meta.date ?? ""}"></div>
<p><button type="submit">Gem titel og dato</button></p>
</form>
</details>`

/** Deleting: a box to tick first, then the button (no script needed to confirm). */
export const deleteForm = (meta: AnalysisMeta, error: string | undefined) =>
  html`<h2 id="slet">Slet analysen</h2>
${errorBox("Analysen er ikke slettet", error)}
<form class="delete" method="post" action="/analyser/${meta.id}/slet" data-busy="Sletter …">
<p>Sletter rapporten, alle filer og den uploadede fil med svarene fra serveren. Det kan ikke fortrydes.
Temarettelser, programmet har lært af, ligger fortsat under <a href="/rettelser">Rettelser</a>, hvor de kan fjernes.</p>
<div class="check"><input type="checkbox" id="bekraeft" name="bekraeft" value="ja" required><label for="bekraeft">Ja, slet »${meta.title}«</label></div>
<p><button type="submit" class="danger">Slet analysen</button></p>
</form>`
