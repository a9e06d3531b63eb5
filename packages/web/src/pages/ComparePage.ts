import type { AnalysisMeta, ThemeCount } from "../AnalysisMeta.js"
import { html, raw } from "../Html.js"
import { formatDifference, formatShare, formatWhen } from "./Format.js"
import { errorBox, layout } from "./Layout.js"

// Two analyses side by side: each theme's share in A and in B and the change.

export interface CompareRow {
  readonly theme: string
  readonly label: string
  readonly a?: ThemeCount
  readonly b?: ThemeCount
}

export const compareRows = (a: AnalysisMeta, b: AnalysisMeta): ReadonlyArray<CompareRow> => {
  const ids = [...new Set([...a.themes.map((t) => t.theme), ...b.themes.map((t) => t.theme)])]
  return ids.map((theme) => {
    const ta = a.themes.find((t) => t.theme === theme)
    const tb = b.themes.find((t) => t.theme === theme)
    return { theme, label: ta?.label ?? tb?.label ?? theme, ...(ta ? { a: ta } : {}), ...(tb ? { b: tb } : {}) }
  })
}

const analysisOption = (m: AnalysisMeta, selected: string | undefined) =>
  html`<option value="${m.id}"${selected === m.id ? raw(" selected") : ""}>${m.title} – ${m.sourceName} (${formatWhen(m.createdAt)})</option>`

export interface ComparePageOptions {
  readonly analyses: ReadonlyArray<AnalysisMeta>
  readonly a?: AnalysisMeta
  readonly b?: AnalysisMeta
  readonly error?: string
}

export const comparePage = (o: ComparePageOptions) =>
  layout(
    { title: "Sammenlign analyser" },
    html`<p class="crumbs"><a href="/">Forside</a> › Sammenlign</p>
<h1>Sammenlign to analyser</h1>
<p class="lead">Vælg to analyser, for eksempel to konferencer eller to år, og se hvordan fordelingen på temaer har ændret sig.</p>
${errorBox("Kan ikke sammenligne", o.error)}
${o.analyses.length < 2
      ? html`<p>Der skal være mindst to analyser for at sammenligne. <a href="/">Upload en fil</a>.</p>`
      : html`<form class="compare-pick" method="get" action="/sammenlign">
<div><label for="c-a">Første analyse (A)</label><select id="c-a" name="a">${o.analyses.map((m) => analysisOption(m, o.a?.id))}</select></div>
<div><label for="c-b">Anden analyse (B)</label><select id="c-b" name="b">${o.analyses.map((m, i) => analysisOption(m, o.b?.id ?? (o.a === undefined && i === 1 ? m.id : undefined)))}</select></div>
<div><button type="submit" class="primary">Sammenlign</button></div>
</form>`}
${o.a && o.b ? compareTable(o.a, o.b) : ""}`
  )

const compareTable = (a: AnalysisMeta, b: AnalysisMeta) =>
  html`<h2>Temaer: A mod B</h2>
<table class="compare">
<thead><tr><th scope="col">Tema</th>
<th scope="col" class="num">A: <a href="/analyser/${a.id}">${a.title}</a><br><span class="muted">${a.sourceName}</span></th>
<th scope="col" class="num">B: <a href="/analyser/${b.id}">${b.title}</a><br><span class="muted">${b.sourceName}</span></th>
<th scope="col" class="num">Ændring fra A til B</th></tr></thead>
<tbody>
<tr><th scope="row">Udsagn i alt</th><td class="num">${a.statements}</td><td class="num">${b.statements}</td><td class="num">${formatDifference(b.statements - a.statements)}</td></tr>
${compareRows(a, b).map((r) => {
    const sa = r.a?.share ?? 0
    const sb = r.b?.share ?? 0
    const diff = Math.round((sb - sa) * 1000) / 10
    return html`<tr data-theme="${r.theme}"><th scope="row">${r.label}</th>
<td class="num">${formatShare(sa)} (${r.a?.count ?? 0})</td><td class="num">${formatShare(sb)} (${r.b?.count ?? 0})</td>
<td class="num change">${diff > 0 ? "▲ " : diff < 0 ? "▼ " : ""}${formatDifference(diff)} procentpoint</td></tr>`
  })}
<tr><th scope="row">Bør gennemgås</th><td class="num">${a.needsReview}</td><td class="num">${b.needsReview}</td><td class="num">${formatDifference(b.needsReview - a.needsReview)}</td></tr>
</tbody></table>
<p class="muted">Andelene er af hver analyses egne udsagn. Et udsagn kan høre til flere temaer.</p>`
