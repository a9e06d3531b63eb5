import type { AnalysisMeta } from "../AnalysisMeta.js"
import { html } from "../Html.js"
import { formatDay, formatWhen } from "./Format.js"
import { errorBox, layout } from "./Layout.js"

// The front page: upload form and the list of earlier analyses.

export interface FrontPageOptions {
  readonly analyses: ReadonlyArray<AnalysisMeta>
  readonly error?: string
  readonly notice?: string
  readonly maxMb: number
}

export const frontPage = (o: FrontPageOptions) =>
  layout(
    { title: "Analysér svar fra en konference" },
    html`<h1>Analysér svar fra en konference</h1>
<p class="lead">Upload svarene fra Mentimeter. Udsagn sorterer dem i temaer og laver en rapport med diagrammer
og udkast til anbefalinger, som du kan hente som Word-dokument.</p>
<ol class="steps-intro">
<li>Upload filen med svarene fra Mentimeter.</li>
<li>Se rapporten, og ret temaerne, hvis et udsagn er sorteret forkert.</li>
<li>Hent anbefalingerne som Word, og rapporten.</li>
</ol>
${errorBox("Filen kunne ikke bruges", o.error)}
${o.notice ? html`<div class="notice" role="status">${o.notice}</div>` : ""}
<form class="upload" method="post" action="/analyser" enctype="multipart/form-data" data-busy="Uploader og analyserer …">
<h2 class="first">Ny analyse</h2>
<label class="dropzone" for="file" data-chosen="chosen-file">
<span class="big">Træk filen hertil – eller klik og vælg den</span>
<span class="muted">Excel-fil (.xlsx) eller CSV-fil (.csv) fra Mentimeter, højst ${o.maxMb} MB. Vælg flere filer (fx samme konference i flere regioner) for én samlet analyse.</span><br>
<input class="visually-hidden" type="file" id="file" name="file" accept=".xlsx,.csv" multiple required data-max-bytes="${o.maxMb * 1024 * 1024}">
<span class="button pick" aria-hidden="true">Vælg fil …</span>
<p class="chosen" id="chosen-file" aria-live="polite"></p>
</label>
<div class="field"><label for="title">Titel på rapporten (valgfrit)</label>
<input type="text" id="title" name="title" maxlength="200" placeholder="Tom: titlen fra filen" aria-describedby="title-hint">
<span class="muted" id="title-hint">Står øverst i rapporten og i anbefalingerne og giver filerne navn. Kan rettes bagefter.</span></div>
<div class="field"><label for="date">Konferencens dato (valgfrit)</label>
<input type="date" id="date" name="date" aria-describedby="date-hint">
<span class="muted" id="date-hint">Tom: datoen fra filen, hvis den har en.</span></div>
<details>
<summary>Noter fra oplæg og drøftelser (valgfrit)</summary>
<p>Noter fra konferencens oplæg og drøftelser ved bordene (Markdown .md, tekst .txt eller Word .docx). Hvert afsnit
sorteres i de samme temaer og vises i rapporten under »Fra oplæg og drøftelser«; en overskrift i noterne (fx oplæggets titel)
bliver afsnittenes kilde. Noterne tæller ikke med som deltagernes udsagn.</p>
<label for="notes">Notatfiler (.md, .txt, .docx)</label>
<input type="file" id="notes" name="notes" accept=".md,.txt,.docx" multiple>
</details>
<details>
<summary>Egne temaer (valgfrit)</summary>
<p>Analysen bruger temaerne på siden <a href="/temaer">Temaer</a>, hvor du kan ændre dem.
Har I en temafil (.json) til netop denne analyse, kan I vælge den her i stedet.</p>
<label for="themes">Temafil (.json)</label>
<input type="file" id="themes" name="themes" accept=".json,application/json">
</details>
<p><button type="submit" class="primary">Start analysen</button></p>
</form>
<h2 id="tidligere">Tidligere analyser</h2>
${o.analyses.length === 0
      ? html`<p class="muted">Der er ingen analyser endnu. Når du har uploadet en fil, kommer den her.</p>`
      : html`<table aria-labelledby="tidligere" class="analyses">
<thead><tr><th scope="col">Konference</th><th scope="col">Fil</th><th scope="col" class="num">Udsagn</th><th scope="col">Uploadet</th><th scope="col">Handlinger</th></tr></thead>
<tbody>${o.analyses.map((a) =>
        html`<tr data-id="${a.id}"><td><a href="/analyser/${a.id}">${a.title}</a>${a.date ? html`<br><span class="muted">${formatDay(a.date)}</span>` : ""}</td>
<td>${a.sourceName}</td><td class="num">${a.statements}</td><td>${formatWhen(a.createdAt)}</td>
<td><a href="/analyser/${a.id}">Åbn</a> · <a href="/analyser/${a.id}/gennemgang">Ret temaer</a> · <a href="/analyser/${a.id}/filer/recommendations.docx" download>Hent Word</a> · <a href="/analyser/${a.id}#slet">Slet</a></td></tr>`
      )}</tbody></table>
${o.analyses.length >= 2 ? html`<p><a href="/sammenlign">Sammenlign to analyser</a></p>` : ""}`}`
  )
