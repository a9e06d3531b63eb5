import { html, raw } from "../Html.js"
import type { LinkSuggestion } from "../RegisterLinks.js"
import {
  conferencesOf,
  filterQuery,
  linkedEntries,
  type RegisterEntry,
  type RegisterFilter,
  statuses,
  statusLabels,
  yearOf
} from "../RegisterModel.js"
import { formatDay } from "./Format.js"
import { layout } from "./Layout.js"

// `/anbefalinger`: the register of recommendations across conferences. Filters in the query
// string (the server filters), each recommendation with its origin, status, note and the
// statements behind it; suggested links between conferences to confirm; the overview to download.

export interface StatementLine {
  readonly id: string
  readonly text: string
}

export interface RegisterPageOptions {
  /** Every entry (for the filters' choices and the links). */
  readonly all: ReadonlyArray<RegisterEntry>
  readonly shown: ReadonlyArray<RegisterEntry>
  readonly filter: RegisterFilter
  readonly suggestions: ReadonlyArray<LinkSuggestion>
  /** The statements' texts, per analysis (absent when the analysis is gone). */
  readonly statements: ReadonlyMap<string, ReadonlyMap<string, string>>
  /** Analyses with a draft not yet sent to the register. */
  readonly unsent: ReadonlyArray<{ readonly id: string; readonly title: string }>
  readonly notice?: string
  readonly error?: string
}

const option = (value: string, label: string, selected: boolean) =>
  html`<option value="${value}"${selected ? raw(" selected") : ""}>${label}</option>`

const filters = (o: RegisterPageOptions) => {
  const themes = [...new Map(o.all.map((e) => [e.theme, e.themeLabel])).entries()].sort((a, b) => a[1].localeCompare(b[1], "da"))
  const events = [...new Map(o.all.map((e) => [e.analysisId, e])).values()]
  const years = [...new Set(o.all.map(yearOf))].sort().reverse()
  const f = o.filter
  return html`<form class="filters" method="get" action="/anbefalinger" aria-label="Vælg anbefalinger">
<div><label for="f-status">Status</label><select id="f-status" name="status">${option("", "Alle", f.status === undefined)}${statuses.map((s) => option(s, statusLabels[s], f.status === s))}</select></div>
<div><label for="f-tema">Tema</label><select id="f-tema" name="tema">${option("", "Alle", f.theme === undefined)}${themes.map(([id, label]) => option(id, label, f.theme === id))}</select></div>
<div><label for="f-begivenhed">Konference</label><select id="f-begivenhed" name="begivenhed">${option("", "Alle", f.analysis === undefined)}${events.map((e) => option(e.analysisId, eventText(e), f.analysis === e.analysisId))}</select></div>
<div><label for="f-aar">År</label><select id="f-aar" name="aar">${option("", "Alle", f.year === undefined)}${years.map((y) => option(y, y, f.year === y))}</select></div>
<div><button type="submit">Vis</button> <a href="/anbefalinger">Nulstil</a></div>
</form>`
}

const eventText = (e: Pick<RegisterEntry, "event" | "eventDate">) => {
  const day = formatDay(e.eventDate)
  return day === undefined || e.event.includes(day) ? e.event : `${e.event} (${day})`
}

export const supportText = (e: Pick<RegisterEntry, "supporters" | "statementCount">) =>
  e.supporters !== undefined ? `foreslået af ${e.supporters} deltagere (${e.statementCount} udsagn)` : `bygger på ${e.statementCount} udsagn`

const statementList = (o: RegisterPageOptions, e: RegisterEntry) => {
  const texts = o.statements.get(e.analysisId)
  const first = e.statements.slice(0, 5)
  return html`<details class="behind"><summary>Udsagn bag anbefalingen (${e.statements.length})</summary>
${texts === undefined
    ? html`<p class="muted">${e.analysisDeleted === true ? "Analysen er slettet; udsagnenes id'er: " : "Udsagnene kan ikke læses; id'er: "}${e.statements.join(", ")}</p>`
    : html`<ul class="statements">${first.map((id) => html`<li><span class="sid">${id}</span> »${texts.get(id) ?? "(udsagnet findes ikke længere i analysen)"}«</li>`)}</ul>
<p><a href="/anbefalinger/${e.id}/udsagn">Se ${e.statements.length > first.length ? `alle ${e.statements.length} udsagn` : "udsagnene"} med spørgsmål og temaer</a></p>`}
</details>`
}

const back = (q: string) => html`<input type="hidden" name="tilbage" value="${q}">`

const editForm = (e: RegisterEntry, q: string) =>
  html`<details class="edit"><summary>Ret status, dato, note eller tekst</summary>
<form method="post" action="/anbefalinger/${e.id}" class="rec-edit">${back(q)}
<label for="s-${e.id}">Status</label><select id="s-${e.id}" name="status">${statuses.map((s) => option(s, statusLabels[s], e.status === s))}</select>
<label for="d-${e.id}">Dato (fx udvalgsmødet)</label><input id="d-${e.id}" name="date" type="date" value="${e.date}">
<label for="n-${e.id}">Note (fx møde og punkt på dagsordenen)</label><input id="n-${e.id}" name="note" type="text" maxlength="1000" value="${e.note}">
<label for="t-${e.id}">Anbefalingens tekst</label><textarea id="t-${e.id}" name="text" rows="3" maxlength="2000">${e.text}</textarea>
<button type="submit" class="primary">Gem</button>
</form></details>`

const card = (o: RegisterPageOptions, e: RegisterEntry) => {
  const conferences = conferencesOf(o.all, e)
  const linked = linkedEntries(o.all, e).filter((x) => x.id !== e.id)
  return html`<article class="rec" id="rec-${e.id}" data-rec="${e.id}" data-status="${e.status}">
<p class="rec-meta"><span class="status status-${e.status.replace(" ", "-")}">${statusLabels[e.status]} ${formatDay(e.date) ?? ""}</span>
· ${e.themeLabel}${e.subTopic !== undefined ? html` – ${e.subTopic}` : ""}
· ${e.analysisDeleted === true ? html`${eventText(e)} (analysen er slettet)` : html`<a href="/analyser/${e.analysisId}">${eventText(e)}</a>`}
${conferences.length > 1 ? html`· <strong class="raised">rejst på ${conferences.length} konferencer</strong>` : ""}</p>
<p class="rec-text">${e.text}</p>
<p class="muted">${supportText(e)}${e.note !== "" ? html` · <span class="note">Note: ${e.note}</span>` : ""}</p>
${linked.length > 0
    ? html`<div class="linked"><p>Samme anbefaling fra: ${linked.map((x, i) => html`${i > 0 ? ", " : ""}${eventText(x)} (»${x.text.length > 80 ? `${x.text.slice(0, 80)}…` : x.text}«)`)}</p>
<form method="post" action="/anbefalinger/${e.id}/fjern-kaede"><button type="submit">Fjern fra kæden</button></form></div>`
    : ""}
${statementList(o, e)}
${editForm(e, filterQuery(o.filter))}
</article>`
}

const suggestionList = (o: RegisterPageOptions) =>
  o.suggestions.length === 0
    ? ""
    : html`<section aria-labelledby="forslag-kaeder"><h2 id="forslag-kaeder">Samme anbefaling på flere konferencer?</h2>
<p class="muted">Udsagn foreslår disse par, fordi teksterne ligner hinanden. Bekræft dem, der siger det samme, så tæller de som rejst på flere konferencer.</p>
<ul class="suggestions">${o.suggestions.map((s) => html`<li data-pair="${s.a.id}|${s.b.id}">
<p>»${s.a.text}« <span class="muted">(${eventText(s.a)})</span><br>»${s.b.text}« <span class="muted">(${eventText(s.b)})</span></p>
<p class="muted">Ligner hinanden ${Math.round(s.score * 100)} %</p>
<form method="post" action="/anbefalinger/kaeder" class="inline">${back(filterQuery(o.filter))}<input type="hidden" name="a" value="${s.a.id}"><input type="hidden" name="b" value="${s.b.id}">
<button type="submit" name="handling" value="kaed">Det er den samme – kæd sammen</button>
<button type="submit" name="handling" value="afvis">Ikke det samme</button></form></li>`)}</ul></section>`

export const registerPage = (o: RegisterPageOptions) => {
  const q = filterQuery(o.filter)
  const filtered = q !== ""
  return layout(
    { title: "Anbefalinger" },
    html`<p class="crumbs"><a href="/">Forside</a> › Anbefalinger</p>
<h1>Anbefalinger på tværs af konferencer</h1>
<p class="lead">Alle anbefalinger, der er sendt hertil fra en analyse, med den status udvalget har givet dem. Ret status, dato og note, efterhånden som udvalget behandler dem.</p>
${o.notice !== undefined ? html`<p class="notice" role="status">${o.notice}</p>` : ""}
${o.error !== undefined ? html`<div class="error" role="alert"><p>${o.error}</p></div>` : ""}
${o.unsent.length > 0
      ? html`<p class="warning">Ikke sendt til registret endnu: ${o.unsent.slice(0, 10).map((a, i) => html`${i > 0 ? ", " : ""}<a href="/analyser/${a.id}/anbefalinger">${a.title}</a>`)}${o.unsent.length > 10 ? ` og ${o.unsent.length - 10} analyser til` : ""}.</p>`
      : ""}
<div class="actions">
<a class="button primary" href="/anbefalinger.docx${q}" download>Hent oversigten (Word)</a>
<a class="button" href="/anbefalinger.xlsx${q}" download>Hent som Excel</a>
</div>
${filters(o)}
<p class="muted" role="status">${o.shown.length} af ${o.all.length} anbefalinger${filtered ? " (filtreret)" : ""}.</p>
${o.all.length === 0 ? html`<p>Registret er tomt. Åbn en analyse, vælg “Rediger anbefalinger”, og send dem til registret.</p>` : ""}
${o.shown.map((e) => card(o, e))}
${suggestionList(o)}`
  )
}

export interface StatementsBehindOptions {
  readonly entry: RegisterEntry
  readonly rows: ReadonlyArray<{ readonly id: string; readonly question: string; readonly text: string; readonly themes: string }>
  readonly missing: ReadonlyArray<string>
}

/** `/anbefalinger/:id/udsagn`: every statement behind one recommendation. */
export const statementsBehindPage = (o: StatementsBehindOptions) =>
  layout(
    { title: "Udsagn bag en anbefaling" },
    html`<p class="crumbs"><a href="/">Forside</a> › <a href="/anbefalinger">Anbefalinger</a> › Udsagn</p>
<h1>Udsagn bag anbefalingen</h1>
<p class="lead">»${o.entry.text}«</p>
<p class="muted">${eventText(o.entry)} · ${o.entry.themeLabel}${o.entry.subTopic !== undefined ? html` – ${o.entry.subTopic}` : ""} · ${supportText(o.entry)}
${o.entry.analysisDeleted === true ? "" : html` · <a href="/analyser/${o.entry.analysisId}">Åbn analysen og rapporten</a>`}</p>
<table class="statements"><caption class="muted">${o.rows.length} udsagn</caption>
<thead><tr><th scope="col">Id</th><th scope="col">Udsagn</th><th scope="col">Spørgsmål</th><th scope="col">Temaer</th></tr></thead>
<tbody>${o.rows.map((r) => html`<tr data-statement="${r.id}"><td>${r.id}</td><td>${r.text}</td><td>${r.question}</td><td>${r.themes}</td></tr>`)}</tbody></table>
${o.missing.length > 0 ? html`<p class="muted">Findes ikke længere i analysen: ${o.missing.join(", ")}</p>` : ""}`
  )
