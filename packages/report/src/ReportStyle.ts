// The report's stylesheet: system fonts only (nothing from the network), readable on screen,
// and A4 print with page breaks before each major section and every list opened.
export const REPORT_CSS = `
:root { --ink:#1d1d1f; --muted:#5a5a60; --line:#d9d9de; --bg:#ffffff; --soft:#f5f5f7; --accent:#0b5394; --mark:#fff1a8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--bg); font: 16px/1.55 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
.cover, nav.toc, main, footer.end { max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }
.cover { padding-top: 2.5rem; padding-bottom: 1rem; border-bottom: 4px solid var(--accent); }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; color: var(--muted); }
h1 { font-size: 2rem; line-height: 1.2; margin: .3rem 0 .4rem; }
.sub { margin: 0; color: var(--muted); font-size: 1.1rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 .75rem; line-height: 1.25; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
nav.toc { margin-top: 1.5rem; }
nav.toc h2 { font-size: 1rem; margin: 0 0 .3rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
nav.toc ol { margin: 0; padding-left: 1.4rem; columns: 2; column-gap: 2rem; }
nav.toc a { color: var(--accent); text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
section.major { padding-top: .2rem; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr)); gap: .6rem; margin: 1rem 0; }
dl.facts div { background: var(--soft); border-radius: 6px; padding: .55rem .75rem; }
dl.facts dt { font-size: .78rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
dl.facts dd { margin: .1rem 0 0; font-weight: 600; font-size: 1.05rem; overflow-wrap: anywhere; }
ul.top li { margin-bottom: .45rem; }
.note { color: var(--muted); font-size: .9rem; }
.file { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; overflow-wrap: anywhere; }
/* Normal wrapping: a statement written 300 times lists 300 ids, which on one line made pages thousands of px wide. */
.sid { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: .82em; color: var(--muted); overflow-wrap: anywhere; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .45em; vertical-align: baseline; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
section.theme { border-left: 6px solid var(--theme, #777); padding-left: 1rem; margin-left: -1.3rem; }
section.theme h2 { margin-top: 2.5rem; }
.lead { font-size: 1.1rem; margin: .2rem 0 .6rem; }
.covers { font-size: .9rem; color: var(--muted); }
.big { font-size: 1.5rem; font-weight: 700; }
.terms { line-height: 2.1; margin: .3rem 0; }
.term { display: inline-block; background: var(--soft); border: 1px solid var(--line); border-radius: 999px; padding: 0 .65rem; margin-right: .2rem; white-space: nowrap; line-height: 1.7; }
.term small { color: var(--muted); }
blockquote { margin: .7rem 0; padding: .5rem .9rem; border-left: 3px solid var(--theme, var(--line)); background: var(--soft); border-radius: 0 6px 6px 0; }
blockquote p { margin: 0 0 .25rem; font-size: 1.05rem; }
blockquote footer { font-size: .85rem; color: var(--muted); }
ul.actions li { margin-bottom: .3rem; }
details { margin: .8rem 0; border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem; }
details > summary { cursor: pointer; font-weight: 600; color: var(--accent); }
details[open] > summary { margin-bottom: .4rem; }
ol.statements { padding-left: 1.6rem; margin: 0; }
ol.statements li { margin-bottom: .55rem; }
ol.statements p { margin: 0; overflow-wrap: anywhere; }
ol.statements .meta { font-size: .82rem; color: var(--muted); }
.times { color: var(--muted); font-size: .9em; white-space: nowrap; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
mark.model { background: none; padding: 0; border-radius: 0; text-decoration: underline; text-decoration-color: #b08900; text-decoration-thickness: 2px; text-underline-offset: 2px; }
.fixed { color: #0b5394; }
.conf-lav { color: #9a3412; }
.why { color: #9a3412; }
.warning { border-left: 4px solid #9a3412; background: #fff4ed; padding: .6rem .9rem; border-radius: 0 6px 6px 0; }
figure.chart { margin: 1rem 0; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .88rem; color: var(--muted); margin-top: .3rem; }
/* Read by screen readers, not shown: the chart draws its own title. */
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
table.numbers { border-collapse: collapse; margin: .8rem 0; font-size: .92rem; width: 100%; }
table.numbers th, table.numbers td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
table.numbers thead th { font-size: .8rem; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); vertical-align: bottom; }
table.numbers th[scope=row] { font-weight: 500; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.matrix thead th, table.numbers thead th.num { white-space: normal; }
table.matrix th[scope=row] { width: 34%; }
td.bar { width: 40%; white-space: nowrap; }
td.bar .track { display: inline-block; width: 70%; vertical-align: middle; }
td.bar .track span { display: block; height: .8em; background: var(--accent); border-radius: 2px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.closed { margin-bottom: 1.2rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; background: var(--soft); padding: 0 .25em; border-radius: 3px; }
footer.end { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }

@page { size: A4; margin: 18mm 17mm 20mm 17mm;
  @bottom-right { content: "Side " counter(page) " af " counter(pages); font: 8.5pt "Segoe UI", Arial, sans-serif; color: #5a5a60; }
}
/* A phone (400 px): a wide table scrolls inside itself, the page does not. */
@media screen and (max-width: 40rem) {
  table.numbers { display: block; overflow-x: auto; max-width: 100%; }
  svg, img { max-width: 100%; height: auto; }
}
@media print {
  body { font-size: 10.5pt; line-height: 1.45; }
  .cover, nav.toc, main, footer.end { max-width: none; padding: 0; }
  .cover { padding-top: 30mm; }
  h1 { font-size: 24pt; }
  h2 { font-size: 16pt; margin-top: 0; }
  h3 { font-size: 12pt; }
  nav.toc { margin-top: 10mm; }
  nav.toc ol { columns: 1; }
  section.major { break-before: page; }
  section.theme { margin-left: 0; padding-left: 4mm; border-left-width: 3pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; }
  blockquote, figure, tr, ol.statements li, ul.actions li, dl.facts div, .closed h3 { break-inside: avoid; }
  details { border: none; padding: 0; }
  details > summary { list-style: none; color: var(--ink); }
  details > summary::-webkit-details-marker { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  nav.toc a { color: inherit; }
  /* Charts are drawn for the screen; a little larger reads better on paper. */
  figure.chart { zoom: 1.2; }
  figure.chart svg { max-height: 110mm; width: auto; }
  nav.toc ol { font-size: 12pt; line-height: 1.7; }
  table.numbers { break-inside: avoid; }
  /* The full lists are for looking things up: two narrow columns keep the printout short. */
  ol.statements { columns: 2; column-gap: 8mm; font-size: 8.5pt; line-height: 1.35; }
  ol.statements .meta { font-size: 7.5pt; }
}
`
