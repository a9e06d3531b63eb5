import { confidenceWord } from "@udsagn/report/Confidence"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import type { AnalysisMeta } from "../AnalysisMeta.js"
import { html, raw, type Raw } from "../Html.js"
import { errorBox, layout, themeBars } from "./Layout.js"
import type { LeftOutStatement } from "../LeftOut.js"
import { leftOutSection, statementEditControls } from "./StatementEdits.js"
import { filterQuery, filterStatements, pageOf, type ReviewFilter, withPage } from "./ReviewForm.js"

// The review page: the statements with their themes as checkboxes, filterable and paged
// (`pageSize` a page, the filter and the page in the query string, so it works without
// JavaScript); the form's fields are read back by ReviewForm.ts. The save bar comes first in
// the form, so the save button is among the first tab stops.

const evidenceLine = (s: CategorizedStatement, labels: ReadonlyMap<string, string>) => {
  const items = s.evidence.filter((e) => e.source !== "override").slice(0, 6)
  if (items.length === 0) return html`<p class="evidence">Ingen ord i udsagnet pegede på et bestemt tema.</p>`
  return html`<p class="evidence">Begrundelse: ${items.map((e, i) =>
    html`${i > 0 ? ", " : ""}<mark>${e.match}</mark> → ${labels.get(e.theme) ?? e.theme}`
  )}</p>`
}

const confidenceText = (c: number) => `Programmets sikkerhed: ${confidenceWord(c)}`

/**
 * One statement's part of the form: `vist` (it was on the page), `foer:<id>` (its themes then)
 * and one `tema:<id>` checkbox per theme. Further controls for a statement go inside its
 * fieldset (`controls`), so the unsaved-changes warning and per-page save cover them too.
 */
export const statementBlock = (
  s: CategorizedStatement,
  meta: Pick<AnalysisMeta, "themeLabels">,
  labels: ReadonlyMap<string, string>,
  controls: Raw | string = ""
) => {
  const mine = new Set<string>(s.themes)
  return html`<fieldset class="statement${s.needsReview ? " review" : ""}" data-statement="${s.id}">
<legend>${s.text}</legend>
<input type="hidden" name="vist" value="${s.id}">
<input type="hidden" name="foer:${s.id}" value="${s.themes.join(",")}">
<p class="meta">${s.question} · ${s.overridden ? "Temaer rettet" : confidenceText(s.confidence)}${s.needsReview ? html` · <span class="tag review">Bør gennemgås</span>` : ""}${s.overridden ? html` · <span class="tag fixed">Rettet af dig</span>` : ""}</p>
<div class="themes">${meta.themeLabels.map((t) =>
    html`<label><input type="checkbox" name="tema:${s.id}" value="${t.id}"${t.id === "other" ? raw(" data-other=\"1\"") : ""}${mine.has(t.id) ? raw(" checked") : ""}> ${t.label}</label>`
  )}</div>
${evidenceLine(s, labels)}
${controls}
</fieldset>`
}

/** Links to the filter's other pages: first, last, and two either side of this one. */
export const pager = (id: string, filter: ReviewFilter, page: number, pages: number) => {
  if (pages <= 1) return ""
  const href = (p: number) => {
    const q = filterQuery(withPage(filter, p))
    return `/analyser/${id}/gennemgang${q === "" ? "" : `?${q}`}#udsagn`
  }
  const wanted = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b)
  const items: Array<Raw> = []
  wanted.forEach((p, i) => {
    if (i > 0 && p - wanted[i - 1]! > 1) items.push(html`<li class="gap" aria-hidden="true">…</li>`)
    items.push(p === page
      ? html`<li><a aria-current="page" href="${href(p)}">${p}</a></li>`
      : html`<li><a href="${href(p)}" aria-label="Side ${p}">${p}</a></li>`)
  })
  return html`<nav class="pager" aria-label="Sider med udsagn"><ul>
${page > 1 ? html`<li><a rel="prev" href="${href(page - 1)}">‹ Forrige</a></li>` : ""}
${items}
${page < pages ? html`<li><a rel="next" href="${href(page + 1)}">Næste ›</a></li>` : ""}
</ul></nav>`
}

export interface ReviewPageOptions {
  readonly meta: AnalysisMeta
  readonly rows: ReadonlyArray<CategorizedStatement>
  readonly filter: ReviewFilter
  readonly notice?: string
  readonly error?: string
  /** Possible person names per statement id, and the statements left out earlier. */
  readonly names?: ReadonlyMap<string, ReadonlyArray<string>>
  readonly leftOut?: ReadonlyArray<LeftOutStatement>
}

/** "Viser 21 af 174 udsagn." on one page; "Viser udsagn 101–174 af 174 · side 2 af 2." on several. */
const showing = (first: number, count: number, matching: number, total: number, page: number, pages: number) =>
  pages <= 1
    ? `Viser ${matching} af ${total} udsagn.`
    : `Viser udsagn ${first + 1}–${first + count} af ${matching}${matching === total ? "" : ` (af ${total} i alt)`} · side ${page} af ${pages}.`

/** Where to start: the same two groups, with the same counts, as the report's »Til gennemsyn«. */
const toReview = (meta: AnalysisMeta, filter: ReviewFilter) => {
  const other = meta.themes.find((t) => t.theme === "other")
  const otherLabel = meta.themeLabels.find((t) => t.id === "other")?.label ?? "Andet"
  const links: Array<Raw> = []
  if (meta.needsReview > 0 && filter.needsReview !== true) {
    links.push(html`<a class="button" href="/analyser/${meta.id}/gennemgang?usikre=1#udsagn">Start med ${meta.needsReview === 1 ? "det" : `de ${meta.needsReview}`} udsagn, programmet er usikker på</a>`)
  }
  if (other !== undefined && other.count > 0 && filter.theme !== "other") {
    links.push(html`<a class="button" href="/analyser/${meta.id}/gennemgang?tema=other#udsagn">Se ${other.count === 1 ? "det" : `de ${other.count}`} udsagn uden tema (»${otherLabel}«)</a>`)
  }
  return links.length === 0 ? "" : html`<div class="actions">${links}</div>
<p class="muted">Det er de samme udsagn med de samme tal som i rapportens afsnit »Til gennemsyn«.</p>`
}

export const reviewPage = (o: ReviewPageOptions) => {
  const { meta } = o
  const labels = new Map(meta.themeLabels.map((t) => [t.id, t.label] as const))
  const shown = filterStatements(o.rows, o.filter)
  const { first, page, pages, rows } = pageOf(shown, o.filter)
  const filter = withPage(o.filter, page)
  const questions = [...new Set(o.rows.map((s) => s.question))]
  const { page: _page, ...criteria } = o.filter
  const filtered = filterQuery(criteria) !== ""
  const query = filterQuery(filter)
  return layout(
    { title: `Gennemgå temaer – ${meta.title}` },
    html`<p class="crumbs"><a href="/">Forside</a> › <a href="/analyser/${meta.id}">${meta.title}</a> › Gennemgå temaer</p>
<h1>Gennemgå temaer</h1>
<p class="lead">Her er udsagnene med de temaer, programmet har givet dem, ${pages > 1 ? `${pages} sider med højst 100 udsagn` : "på én side"}. Sæt eller fjern flueben, hvor programmet
har taget fejl, og tryk <strong>Gem rettelser</strong> øverst i listen, før du går til en anden side. Rapporten,
diagrammerne og anbefalingerne laves så igen med dine rettelser.</p>
${o.notice ? html`<div class="notice" role="status">${o.notice} <a href="/analyser/${meta.id}">Se rapporten og hent filerne</a>.</div>` : ""}
${errorBox("Rettelserne kunne ikke gemmes", o.error)}
${toReview(meta, o.filter)}
<h2>Antal udsagn pr. tema</h2>
${themeBars(meta.themes, meta.statements)}
<h2 id="udsagn">Udsagn</h2>
<form class="filters" method="get" action="/analyser/${meta.id}/gennemgang#udsagn" role="search" aria-label="Filtrér udsagn">
<div><label for="f-tema">Tema</label><select id="f-tema" name="tema"><option value="">Alle temaer</option>${meta.themeLabels.map((t) =>
      html`<option value="${t.id}"${o.filter.theme === t.id ? raw(" selected") : ""}>${t.label}</option>`
    )}</select></div>
<div><label for="f-sp">Spørgsmål</label><select id="f-sp" name="spoergsmaal"><option value="">Alle spørgsmål</option>${questions.map((q) =>
      html`<option value="${q}"${o.filter.question === q ? raw(" selected") : ""}>${q}</option>`
    )}</select></div>
<div><label for="f-soeg">Søg i teksten</label><input type="search" id="f-soeg" name="soeg" value="${o.filter.search ?? ""}"></div>
<div class="check"><input type="checkbox" id="f-usikre" name="usikre" value="1"${o.filter.needsReview ? raw(" checked") : ""}><label for="f-usikre">Kun dem, programmet er usikker på</label></div>
<div><button type="submit">Vis udsagn</button> ${filtered ? html`<a href="/analyser/${meta.id}/gennemgang#udsagn">Vis alle</a>` : ""}</div>
</form>
<p role="status" id="antal">${showing(first, rows.length, shown.length, o.rows.length, page, pages)}</p>
<form method="post" action="/analyser/${meta.id}/gennemgang${query === "" ? "" : `?${query}`}" data-busy="Gemmer og laver rapporten igen …" data-unsaved="Du har rettelser på denne side, som ikke er gemt. Vil du gå videre uden at gemme dem?">
<div class="savebar top"><button type="submit" class="primary">Gem rettelser</button>
<span class="muted" data-unsaved-count aria-live="polite">${pages > 1 ? `Gemmer rettelserne på side ${page}.` : ""}</span></div>
${pager(meta.id, filter, page, pages)}
${rows.map((s) => statementBlock(s, meta, labels, statementEditControls(s, o.names?.get(s.id))))}
${shown.length === 0 ? html`<p>Ingen udsagn passer til filteret. <a href="/analyser/${meta.id}/gennemgang">Vis alle</a>.</p>` : ""}
${leftOutSection(o.leftOut ?? [])}
<div class="savebar bottom"><button type="submit" class="primary">Gem rettelser</button>
<span class="muted">Uden flueben får udsagnet temaet »Andet«.</span></div>
${pager(meta.id, filter, page, pages)}
</form>`
  )
}
