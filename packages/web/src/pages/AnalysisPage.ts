import { notDanishWarning } from "@udsagn/report/sections/Parts"
import type { AnalysisMeta } from "../AnalysisMeta.js"
import { html } from "../Html.js"
import { downloadName as reportDownloadName } from "@udsagn/report/FileNames"
import { formatDay, formatWhen } from "./Format.js"
import { type AdminErrors, deleteForm, detailsForm } from "./AnalysisAdmin.js"
import { layout, themeBars } from "./Layout.js"

// A finished analysis: its themes, its files to download and the report in a frame.

interface Download {
  readonly file: string
  readonly what: string
}

const knownDownloads: ReadonlyArray<Download> = [
  { file: "recommendations.docx", what: "Anbefalinger – udkast (Word)" },
  { file: "report.html", what: "Rapport (kan udskrives som PDF)" },
  { file: "statements.xlsx", what: "Alle udsagn med temaer (Excel)" },
  { file: "recommendations.md", what: "Anbefalinger – udkast (ren tekst)" }
]

const dataLabels: Record<string, string> = {
  "statements.json": "Alle udsagn med temaer (JSON)",
  "summary.json": "Opsummering med tallene (JSON)",
  "ledger.json": "Regnskab over alle læste rækker (JSON)",
  "recommendations.json": "Anbefalinger – udkast (JSON)"
}

/** A chart's link: its Danish title (as in the report), never its file name. */
const chartLabel = (meta: AnalysisMeta, file: string) => {
  const stem = file.replace(/^charts\//, "").replace(/\.(png|svg|vl\.json)$/, "")
  const kind = file.endsWith(".png") ? "billede, PNG" : file.endsWith(".svg") ? "SVG" : "Vega-Lite"
  const theme = stem.startsWith("terms-") ? meta.themeLabels.find((t) => `terms-${t.id}` === stem)?.label : undefined
  const title = meta.charts?.find((c) => c.name === stem)?.title ??
    (stem === "theme-overview" ? "Temaer i udsagnene"
      : stem === "theme-by-question" ? "Temaer fordelt på spørgsmål"
      : theme !== undefined ? `Nøgleord: ${theme}`
      : stem.startsWith("closed-") ? "Afstemning" : "Diagram")
  return `${title} (${kind})`
}

export const fileUrl = (id: string, file: string) =>
  `/analyser/${id}/filer/${file.split("/").map(encodeURIComponent).join("/")}`

/** The name a download is saved under: Danish, with the conference, e.g. `anbefalinger-konference-5-december-2024.docx`. */
export const downloadName = (meta: Pick<AnalysisMeta, "title">, file: string) => reportDownloadName(meta.title, file)

const downloadItem = (meta: AnalysisMeta, file: string, what: string) =>
  html`<li><a href="${fileUrl(meta.id, file)}" download><span class="what">${what}</span><span class="file">${downloadName(meta, file)}</span></a></li>`

/** Candidate new themes (topics.json): groups of statements without a theme that share words. */
const candidatesList = (meta: AnalysisMeta) =>
  meta.candidates.length === 0
    ? ""
    : html`<h2 id="nye-temaer">Mulige nye temaer</h2>
<p class="muted">Udsagn uden tema, der hænger sammen om de samme ord. Måske mangler temalisten et tema: »Gør til tema« lægger det til temaerne på siden <a href="/temaer">Temaer</a> (ordene bliver temaets ord, udsagnene dets eksempler) og kører analysen igen med det, som en ny analyse ved siden af denne.</p>
<ul class="candidates" aria-labelledby="nye-temaer">${
      meta.candidates.map((c, i) =>
        html`<li><strong>${c.label}</strong> · ${c.statements.length} udsagn · ord: ${c.terms.join(", ")}<br><span class="muted">Udsagn: ${c.statements.slice(0, 12).join(", ")}${c.statements.length > 12 ? " …" : ""}</span>
<form method="post" action="/analyser/${meta.id}/kandidater/${String(i + 1)}/tema" class="inline"><button type="submit" class="button">Gør »${c.label}« til tema</button></form></li>`
      )
    }</ul>`

export const analysisPage = (meta: AnalysisMeta, notice?: string, errors: AdminErrors = {}) => {
  const id = meta.id
  const has = (f: string) => meta.files.includes(f)
  const known = knownDownloads.filter((d) => has(d.file))
  const charts = meta.files.filter((f) => f.startsWith("charts/") && f.endsWith(".png"))
  const data = meta.files.filter((f) => f.endsWith(".json") && !f.startsWith("charts/"))
  return layout(
    { title: meta.title },
    html`<p class="crumbs"><a href="/">Forside</a> › ${meta.title}</p>
<h1>${meta.title}</h1>
<p class="muted">${meta.date ? html`${formatDay(meta.date)} · ` : ""}Fil: ${meta.sourceName} · Uploadet ${formatWhen(meta.createdAt)}</p>
${notice ? html`<div class="notice" role="status">${notice}</div>` : ""}
${meta.notDanish ? notDanishWarning({ danishShare: meta.notDanish.danishShare, evidence: 0, warning: true }) : ""}
<p class="lead"><strong>${meta.statements}</strong> udsagn er sorteret i temaer.
${meta.needsReview > 0 ? html`<strong>${meta.needsReview}</strong> af dem er programmet usikker på og bør ses igennem.` : ""}
${meta.overrides > 0 ? html`Du har rettet <strong>${meta.overrides}</strong> udsagn (temaer, tekst eller udeladt).` : ""}</p>
<div class="actions">
${has("recommendations.docx") ? html`<a class="button primary" href="${fileUrl(id, "recommendations.docx")}" download>Hent anbefalinger (Word)</a>` : ""}
<a class="button" href="/analyser/${id}/gennemgang">Gennemgå og ret temaer</a>
<form method="post" action="/analyser/${id}/koer-igen" class="rerun"><button type="submit" title="Laver en ny analyse af samme fil med temaerne fra siden Temaer; denne analyse bliver stående">Kør igen med de nuværende temaer</button></form>
${has("recommendations.json") ? html`<a class="button" href="/analyser/${id}/anbefalinger">Rediger anbefalinger og send til registret</a>` : ""}
${has("report.html") ? html`<a class="button" href="${fileUrl(id, "report.html")}" target="_blank" rel="noopener">Åbn rapporten i nyt vindue</a>` : ""}
</div>
${detailsForm(meta, errors.details)}
<h2>Temaer</h2>
${themeBars(meta.themes, meta.statements)}
${candidatesList(meta)}
<h2 id="hent">Hent filer</h2>
<ul class="downloads" aria-labelledby="hent">
${known.map((d) => downloadItem(meta, d.file, d.what))}
<li><a href="/analyser/${id}/analyse.zip" download><span class="what">Hele analysen (zip)</span><span class="file">alle filer samlet i én fil</span></a></li>
</ul>
${charts.length > 0
      ? html`<details><summary>Diagrammer (${charts.length})</summary><ul class="downloads">${charts.map((f) => downloadItem(meta, f, chartLabel(meta, f)))}</ul></details>`
      : ""}
${data.length > 0
      ? html`<details><summary>Data til IT (JSON)</summary><ul class="downloads">${data.map((f) => downloadItem(meta, f, dataLabels[f] ?? f))}</ul></details>`
      : ""}
${has("report.html")
      ? html`<h2>Rapporten</h2>
<p class="muted">Rapporten vises herunder. Vil du gemme den som PDF, så åbn den i nyt vindue og vælg Udskriv.</p>
<iframe class="report" src="${fileUrl(id, "report.html")}" title="Rapporten for ${meta.title}"></iframe>`
      : ""}
${deleteForm(meta, errors.delete)}`
  )
}
