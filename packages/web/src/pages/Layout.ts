import type { ThemeCount } from "../AnalysisMeta.js"
import { html, raw, type Raw } from "../Html.js"
import { formatShare } from "./Format.js"

// The frame every page shares and the pieces several pages show. Pure functions from data to
// markup; every user text goes through the `html` tag, which escapes it.

export interface LayoutOptions {
  readonly title: string
  readonly refreshSeconds?: number
}

export const layout = (options: LayoutOptions, body: Raw): string =>
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
<nav aria-label="Hovedmenu"><a href="/">Forside og upload</a><a href="/sammenlign">Sammenlign analyser</a><a href="/temaer">Temaer</a><a href="/rettelser">Rettelser</a><a href="/anbefalinger">Anbefalinger</a></nav>
</div></header>
<main id="indhold" class="inner">
${body}
</main>
<footer class="site"><div class="inner">Udsagn kører kun på denne computer. Filerne gemmes her og sendes ikke videre.</div></footer>
</body>
</html>
`.html

export const errorBox = (title: string, message: string | undefined) =>
  message === undefined ? "" : html`<div class="error" role="alert"><h2>${title}</h2><p>${message}</p></div>`

export const themeBars = (themes: ReadonlyArray<ThemeCount>, total: number) =>
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
export const swatch = (color: string) =>
  html`<svg class="swatch" width="14" height="14" aria-hidden="true"><rect width="14" height="14" rx="2" fill="${safeColor(color)}"/></svg>`
const bar = (share: number, color: string) => {
  const width = Math.max(1, Math.round(Math.min(1, share) * 240))
  return html`<svg class="bar" width="${width}" height="14" aria-hidden="true"><rect width="${width}" height="14" rx="2" fill="${safeColor(color)}"/></svg>`
}
