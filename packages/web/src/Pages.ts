import type { CategorizedStatement, Override } from "@udsagn/domain/Categorization"
import type { AnalysisMeta, ThemeCount } from "./AnalysisMeta.js"
import type { JobState } from "./Analyses.js"
import { stages } from "./Analyzer.js"
import { type Html, html, raw } from "./Html.js"
import { slug } from "./Names.js"

// Server-rendered pages. Pure functions from data to markup; every user text goes through
// the `html` tag, which escapes it.

const pct = new Intl.NumberFormat("da-DK", { style: "percent", maximumFractionDigits: 0 })
const pp = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 1, signDisplay: "exceptZero" })
const when = new Intl.DateTimeFormat("da-DK", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Copenhagen" })
const day = new Intl.DateTimeFormat("da-DK", { dateStyle: "long", timeZone: "UTC" })

export const formatShare = (share: number) => pct.format(share)
export const formatWhen = (iso: string) => {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : when.format(d)
}
const formatDay = (iso: string | undefined) => {
  if (iso === undefined) return undefined
  const d = new Date(`${iso}T00:00:00Z`)
  return Number.isNaN(d.getTime()) ? iso : day.format(d)
}

export interface LayoutOptions {
  readonly title: string
  readonly refreshSeconds?: number
}

export const layout = (options: LayoutOptions, body: Html): string =>
  "<!doctype html>\n" +
  html`<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.refreshSeconds !== undefined ? raw(`<meta http-equiv="refresh" content="${options.refreshSeconds}">`) : ""}
<title>${options.title} – Udsagn</title>
<link rel="stylesheet" href="/assets/style.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<a class="skip" href="#indhold">Gå til indholdet</a>
<header class="site"><div class="inner">
<a class="brand" href="/">Udsagn</a>
<nav aria-label="Hovedmenu"><a href="/">Forside og upload</a><a href="/sammenlign">Sammenlign analyser</a></nav>
</div></header>
<main id="indhold" class="inner">
${body}
</main>
<footer class="site"><div class="inner">Udsagn kører kun på denne computer. Filerne gemmes her og sendes ikke videre.</div></footer>
</body>
</html>
`.value

const errorBox = (title: string, message: string | undefined) =>
  message === undefined ? "" : html`<div class="error" role="alert"><h2>${title}</h2><p>${message}</p></div>`

const themeBars = (themes: ReadonlyArray<ThemeCount>, total: number) =>
  html`<table class="themes-table">
<caption class="muted">Et udsagn kan høre til flere temaer, så andelene kan give mere end 100 %.</caption>
<thead><tr><th scope="col">Tema</th><th scope="col" class="num">Udsagn</th><th scope="col">Andel af ${total} udsagn</th></tr></thead>
<tbody>${themes.map((t) =>
    html`<tr data-theme="${t.theme}"><th scope="row">${swatch(t.color)}${t.label}</th>
<td class="num" data-count="${t.theme}">${t.count}</td>
<td>${bar(t.share, t.color)}${formatShare(t.share)}</td></tr>`
  )}</tbody></table>`

/** Colours come from theme files: only plain hex codes reach the markup. */
const safeColor = (color: string) => /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : "#777777"

// SVG presentation attributes instead of style attributes, so the CSP can forbid inline styles.
const swatch = (color: string) =>
  html`<svg class="swatch" width="14" height="14" aria-hidden="true"><rect width="14" height="14" rx="2" fill="${safeColor(color)}"/></svg>`
const bar = (share: number, color: string) => {
  const width = Math.max(1, Math.round(Math.min(1, share) * 240))
  return html`<svg class="bar" width="${width}" height="14" aria-hidden="true"><rect width="${width}" height="14" rx="2" fill="${safeColor(color)}"/></svg>`
}

// ---------------------------------------------------------------- front page

export interface FrontPageOptions {
  readonly analyses: ReadonlyArray<AnalysisMeta>
  readonly error?: string
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
<form class="upload" method="post" action="/analyser" enctype="multipart/form-data" data-busy="Uploader og analyserer …">
<h2 class="first">Ny analyse</h2>
<label class="dropzone" for="file" data-chosen="chosen-file">
<span class="big">Træk filen hertil – eller klik og vælg den</span>
<span class="muted">Excel-fil (.xlsx) eller CSV-fil (.csv) fra Mentimeter, højst ${o.maxMb} MB</span><br>
<input class="visually-hidden" type="file" id="file" name="file" accept=".xlsx,.csv" required data-max-bytes="${o.maxMb * 1024 * 1024}">
<span class="button pick" aria-hidden="true">Vælg fil …</span>
<p class="chosen" id="chosen-file" aria-live="polite"></p>
</label>
<details>
<summary>Egne temaer (valgfrit)</summary>
<p>Har I en temafil (.json), kan I vælge den her. Ellers bruges standardtemaerne:
patientinvolvering, visuel kommunikation, medarbejdertrivsel og sundhedskompetence.</p>
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
<td><a href="/analyser/${a.id}">Åbn</a> · <a href="/analyser/${a.id}/gennemgang">Ret temaer</a> · <a href="/analyser/${a.id}/filer/recommendations.docx" download>Hent Word</a></td></tr>`
      )}</tbody></table>
${o.analyses.length >= 2 ? html`<p><a href="/sammenlign">Sammenlign to analyser</a></p>` : ""}`}`
  )

// ---------------------------------------------------------------- analysis page

export const progressPage = (id: string, job: JobState) => {
  if (job.state === "failed") {
    return layout(
      { title: "Analysen mislykkedes" },
      html`<p class="crumbs"><a href="/">Forside</a></p>
<h1>Filen kunne ikke analyseres</h1>
<div class="error" role="alert"><p>${job.error.message}</p></div>
<p><a class="button primary" href="/">Prøv igen med en anden fil</a></p>`
    )
  }
  const current = job.state === "running" ? stages.findIndex((s) => s.stage === job.stage) : -1
  return layout(
    { title: "Analysen kører", refreshSeconds: 2 },
    html`<p class="crumbs"><a href="/">Forside</a></p>
<h1>Analysen kører …</h1>
<p class="lead" role="status">${job.state === "queued"
      ? "Venter på, at andre analyser bliver færdige."
      : `Trin ${current + 1} af ${stages.length}: ${job.state === "running" && job.message !== "" ? job.message : stages[current]?.label ?? ""} …`}</p>
<ol class="progress" data-analysis="${id}">${stages.map((s, i) =>
      html`<li class="${i < current ? "done" : i === current ? "current" : ""}"${i === current ? raw(" aria-current=\"step\"") : ""}>${s.label}</li>`
    )}</ol>
<p class="muted">Siden opdaterer sig selv. Det tager normalt under et minut.</p>`
  )
}

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

const chartLabel = (file: string) => {
  const stem = file.replace(/^charts\//, "").replace(/\.(png|svg|vl\.json)$/, "")
  const kind = file.endsWith(".png") ? "billede, PNG" : file.endsWith(".svg") ? "SVG" : "Vega-Lite"
  return `Diagram: ${stem.replace(/[-_]+/g, " ")} (${kind})`
}

export const fileUrl = (id: string, file: string) =>
  `/analyser/${id}/filer/${file.split("/").map(encodeURIComponent).join("/")}`

const danishNames: Record<string, string> = {
  "recommendations.docx": "anbefalinger",
  "recommendations.md": "anbefalinger",
  "recommendations.json": "anbefalinger",
  "report.html": "rapport",
  "statements.xlsx": "udsagn",
  "statements.json": "udsagn",
  "ledger.json": "regnskab",
  "summary.json": "opsummering"
}

/** The name a download is saved under: Danish, with the conference, e.g. `anbefalinger-konference-5-december-2024.docx`. */
export const downloadName = (meta: Pick<AnalysisMeta, "title">, file: string) => {
  const base = file.split("/").pop() ?? file
  const known = danishNames[file]
  if (known === undefined) return base
  return `${known}-${slug(meta.title)}${base.slice(base.indexOf("."))}`
}

const downloadItem = (meta: AnalysisMeta, file: string, what: string) =>
  html`<li><a href="${fileUrl(meta.id, file)}" download><span class="what">${what}</span><span class="file">${downloadName(meta, file)}</span></a></li>`

export const analysisPage = (meta: AnalysisMeta, notice?: string) => {
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
<p class="lead"><strong>${meta.statements}</strong> udsagn er sorteret i temaer.
${meta.needsReview > 0 ? html`<strong>${meta.needsReview}</strong> af dem er programmet usikker på og bør ses igennem.` : ""}
${meta.overrides > 0 ? html`Du har rettet temaerne for <strong>${meta.overrides}</strong> udsagn.` : ""}</p>
<div class="actions">
${has("recommendations.docx") ? html`<a class="button primary" href="${fileUrl(id, "recommendations.docx")}" download>Hent anbefalinger (Word)</a>` : ""}
<a class="button" href="/analyser/${id}/gennemgang">Gennemgå og ret temaer</a>
${has("report.html") ? html`<a class="button" href="${fileUrl(id, "report.html")}" target="_blank" rel="noopener">Åbn rapporten i nyt vindue</a>` : ""}
</div>
<h2>Temaer</h2>
${themeBars(meta.themes, meta.statements)}
<h2 id="hent">Hent filer</h2>
<ul class="downloads" aria-labelledby="hent">
${known.map((d) => downloadItem(meta, d.file, d.what))}
<li><a href="/analyser/${id}/analyse.zip" download><span class="what">Hele analysen (zip)</span><span class="file">alle filer samlet i én fil</span></a></li>
</ul>
${charts.length > 0
      ? html`<details><summary>Diagrammer (${charts.length})</summary><ul class="downloads">${charts.map((f) => downloadItem(meta, f, chartLabel(f)))}</ul></details>`
      : ""}
${data.length > 0
      ? html`<details><summary>Data til IT (JSON)</summary><ul class="downloads">${data.map((f) => downloadItem(meta, f, f))}</ul></details>`
      : ""}
${has("report.html")
      ? html`<h2>Rapporten</h2>
<p class="muted">Rapporten vises herunder. Vil du gemme den som PDF, så åbn den i nyt vindue og vælg Udskriv.</p>
<iframe class="report" src="${fileUrl(id, "report.html")}" title="Rapporten for ${meta.title}"></iframe>`
      : ""}`
  )
}

// ---------------------------------------------------------------- review page

export interface ReviewFilter {
  readonly theme?: string
  readonly question?: string
  readonly needsReview?: boolean
  readonly search?: string
}

const norm = (s: string) => s.normalize("NFC").toLocaleLowerCase("da")

export const filterStatements = (rows: ReadonlyArray<CategorizedStatement>, f: ReviewFilter) =>
  rows.filter((s) =>
    (f.theme === undefined || (s.themes as ReadonlyArray<string>).includes(f.theme)) &&
    (f.question === undefined || s.question === f.question) &&
    (f.needsReview !== true || s.needsReview) &&
    (f.search === undefined || norm(s.text).includes(norm(f.search)))
  )

export const filterQuery = (f: ReviewFilter) => {
  const q = new URLSearchParams()
  if (f.theme !== undefined) q.set("tema", f.theme)
  if (f.question !== undefined) q.set("spoergsmaal", f.question)
  if (f.needsReview === true) q.set("usikre", "1")
  if (f.search !== undefined) q.set("soeg", f.search)
  return q.toString()
}

const evidenceLine = (s: CategorizedStatement, labels: ReadonlyMap<string, string>) => {
  const items = s.evidence.filter((e) => e.source !== "override").slice(0, 6)
  if (items.length === 0) return html`<p class="evidence">Ingen ord i udsagnet pegede på et bestemt tema.</p>`
  return html`<p class="evidence">Begrundelse: ${items.map((e, i) =>
    html`${i > 0 ? ", " : ""}<mark>${e.match}</mark> → ${labels.get(e.theme) ?? e.theme}`
  )}</p>`
}

const confidenceText = (c: number) => `Programmets sikkerhed: ${c >= 0.75 ? "høj" : c >= 0.5 ? "middel" : "lav"}`

export interface ReviewPageOptions {
  readonly meta: AnalysisMeta
  readonly rows: ReadonlyArray<CategorizedStatement>
  readonly filter: ReviewFilter
  readonly notice?: string
  readonly error?: string
}

export const reviewPage = (o: ReviewPageOptions) => {
  const { meta } = o
  const labels = new Map(meta.themeLabels.map((t) => [t.id, t.label] as const))
  const shown = filterStatements(o.rows, o.filter)
  const questions = [...new Set(o.rows.map((s) => s.question))]
  const query = filterQuery(o.filter)
  const filtered = query !== ""
  return layout(
    { title: `Gennemgå temaer – ${meta.title}` },
    html`<p class="crumbs"><a href="/">Forside</a> › <a href="/analyser/${meta.id}">${meta.title}</a> › Gennemgå temaer</p>
<h1>Gennemgå temaer</h1>
<p class="lead">Her er alle udsagn med de temaer, programmet har givet dem. Sæt eller fjern flueben, hvor programmet
har taget fejl, og tryk <strong>Gem rettelser</strong> nederst. Rapporten, diagrammerne og anbefalingerne laves så
igen med dine rettelser.</p>
${o.notice ? html`<div class="notice" role="status">${o.notice} <a href="/analyser/${meta.id}">Se rapporten og hent filerne</a>.</div>` : ""}
${errorBox("Rettelserne kunne ikke gemmes", o.error)}
${meta.needsReview > 0 && o.filter.needsReview !== true
      ? html`<p><a class="button" href="/analyser/${meta.id}/gennemgang?usikre=1#udsagn">Start med ${meta.needsReview === 1 ? "det" : `de ${meta.needsReview}`} udsagn, programmet er usikker på</a></p>`
      : ""}
<h2>Antal udsagn pr. tema</h2>
${themeBars(meta.themes, meta.statements)}
<h2 id="udsagn">Udsagn</h2>
<form class="filters" method="get" action="/analyser/${meta.id}/gennemgang" role="search" aria-label="Filtrér udsagn">
<div><label for="f-tema">Tema</label><select id="f-tema" name="tema"><option value="">Alle temaer</option>${meta.themeLabels.map((t) =>
      html`<option value="${t.id}"${o.filter.theme === t.id ? raw(" selected") : ""}>${t.label}</option>`
    )}</select></div>
<div><label for="f-sp">Spørgsmål</label><select id="f-sp" name="spoergsmaal"><option value="">Alle spørgsmål</option>${questions.map((q) =>
      html`<option value="${q}"${o.filter.question === q ? raw(" selected") : ""}>${q}</option>`
    )}</select></div>
<div><label for="f-soeg">Søg i teksten</label><input type="search" id="f-soeg" name="soeg" value="${o.filter.search ?? ""}"></div>
<div class="check"><input type="checkbox" id="f-usikre" name="usikre" value="1"${o.filter.needsReview ? raw(" checked") : ""}><label for="f-usikre">Kun dem, programmet er usikker på</label></div>
<div><button type="submit">Vis udsagn</button> ${filtered ? html`<a href="/analyser/${meta.id}/gennemgang">Vis alle</a>` : ""}</div>
</form>
<p role="status" id="antal">Viser ${shown.length} af ${o.rows.length} udsagn.</p>
<form method="post" action="/analyser/${meta.id}/gennemgang${filtered ? `?${query}` : ""}" data-busy="Gemmer og laver rapporten igen …">
${shown.map((s) => {
      const mine = new Set<string>(s.themes)
      return html`<fieldset class="statement${s.needsReview ? " review" : ""}" data-statement="${s.id}">
<legend>${s.text}</legend>
<input type="hidden" name="vist" value="${s.id}">
<input type="hidden" name="foer:${s.id}" value="${s.themes.join(",")}">
<p class="meta">${s.question} · ${confidenceText(s.confidence)}${s.needsReview ? html` · <span class="tag review">Bør gennemgås</span>` : ""}${s.overridden ? html` · <span class="tag fixed">Rettet af dig</span>` : ""}</p>
<div class="themes">${meta.themeLabels.map((t) =>
        html`<label><input type="checkbox" name="tema:${s.id}" value="${t.id}"${t.id === "other" ? raw(" data-other=\"1\"") : ""}${mine.has(t.id) ? raw(" checked") : ""}> ${t.label}</label>`
      )}</div>
${evidenceLine(s, labels)}
</fieldset>`
    })}
${shown.length === 0 ? html`<p>Ingen udsagn passer til filteret. <a href="/analyser/${meta.id}/gennemgang">Vis alle</a>.</p>` : ""}
<div class="savebar"><button type="submit" class="primary">Gem rettelser</button>
<span class="muted">Uden flueben får udsagnet temaet »Andet«.</span></div>
</form>`
  )
}

/**
 * Turns the review form into the new overrides list: statements shown in the form get an
 * override when their ticked themes differ from the current ones (or already had one);
 * overrides for statements not shown are kept.
 */
export const overridesFromForm = (
  rows: ReadonlyArray<CategorizedStatement>,
  existing: ReadonlyArray<Override>,
  shownIds: ReadonlyArray<string>,
  ticked: ReadonlyMap<string, ReadonlyArray<string>>,
  knownThemes: ReadonlySet<string>,
  /** The themes each statement had when the page was shown ("a,b"), from the form. */
  shownThemes: ReadonlyMap<string, string> = new Map()
): Array<{ id: string; themes: Array<string>; note?: string; text?: string }> => {
  const byId = new Map(rows.map((s) => [s.id as string, s] as const))
  const out = new Map<string, { id: string; themes: Array<string>; note?: string; text?: string }>()
  const textOnly: Array<{ id: string; themes: Array<string>; note?: string; text?: string }> = []
  for (const o of existing) {
    if (o.id !== undefined) {
      out.set(o.id, { id: o.id, themes: [...o.themes], ...(o.note !== undefined ? { note: o.note } : {}), ...(o.text !== undefined ? { text: o.text } : {}) })
    } else textOnly.push({ id: "", themes: [...o.themes], ...(o.text !== undefined ? { text: o.text } : {}), ...(o.note !== undefined ? { note: o.note } : {}) })
  }
  for (const id of new Set(shownIds)) {
    const row = byId.get(id)
    if (row === undefined) continue
    let themes = [...new Set((ticked.get(id) ?? []).filter((t) => knownThemes.has(t)))]
    if (themes.length === 0) themes = ["other"]
    if (themes.length > 1) themes = themes.filter((t) => t !== "other")
    const sameAs = (other: ReadonlyArray<string>) => themes.length === other.length && themes.every((t) => other.includes(t))
    // Left as it was on the reviewer's page: keep what is saved now, which a colleague may
    // have changed since that page was shown.
    const before = shownThemes.get(id)
    if (before !== undefined && sameAs(before.split(","))) continue
    const same = sameAs(row.themes)
    if (same && !out.has(id)) continue
    out.set(id, { ...(out.get(id) ?? {}), id, themes })
  }
  return [...out.values(), ...textOnly]
}

/** Themes whose count changed between two versions of an analysis, as `theme:before:after,…`. */
export const countChanges = (before: AnalysisMeta, after: AnalysisMeta) =>
  after.themes
    .flatMap((t) => {
      const old = before.themes.find((b) => b.theme === t.theme)?.count ?? 0
      return old === t.count ? [] : [`${t.theme}:${old}:${t.count}`]
    })
    .join(",")

// ---------------------------------------------------------------- compare page

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
<tr><th scope="row">Udsagn i alt</th><td class="num">${a.statements}</td><td class="num">${b.statements}</td><td class="num">${pp.format(b.statements - a.statements)}</td></tr>
${compareRows(a, b).map((r) => {
    const sa = r.a?.share ?? 0
    const sb = r.b?.share ?? 0
    const diff = Math.round((sb - sa) * 1000) / 10
    return html`<tr data-theme="${r.theme}"><th scope="row">${r.label}</th>
<td class="num">${formatShare(sa)} (${r.a?.count ?? 0})</td><td class="num">${formatShare(sb)} (${r.b?.count ?? 0})</td>
<td class="num change">${diff > 0 ? "▲ " : diff < 0 ? "▼ " : ""}${pp.format(diff)} procentpoint</td></tr>`
  })}
<tr><th scope="row">Bør gennemgås</th><td class="num">${a.needsReview}</td><td class="num">${b.needsReview}</td><td class="num">${pp.format(b.needsReview - a.needsReview)}</td></tr>
</tbody></table>
<p class="muted">Andelene er af hver analyses egne udsagn. Et udsagn kan høre til flere temaer.</p>`

export const notFoundPage = (message = "Siden findes ikke.") =>
  layout(
    { title: "Ikke fundet" },
    html`<h1>Ikke fundet</h1><p>${message}</p><p><a class="button primary" href="/">Til forsiden</a></p>`
  )

export const errorPage = (message: string) =>
  layout(
    { title: "Fejl" },
    html`<h1>Noget gik galt</h1><div class="error" role="alert"><p>${message}</p></div><p><a class="button primary" href="/">Til forsiden</a></p>`
  )
