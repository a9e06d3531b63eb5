import type { Correction } from "@udsagn/categorize/Corrections"
import { html } from "../Html.js"
import { formatWhen } from "./Format.js"
import { layout } from "./Layout.js"

// The corrections udsagn has learnt from: what a person corrected, where and when, and a button
// to take one back (later analyses then no longer follow it).

export interface CorrectionsPageOptions {
  readonly corrections: ReadonlyArray<Correction>
  /** Theme id → label, from the analyses' theme lists. */
  readonly labels: ReadonlyMap<string, string>
  readonly training: boolean
  readonly notice?: string
}

export const correctionsPage = (o: CorrectionsPageOptions) => {
  const newestFirst = [...o.corrections].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
  return layout(
    { title: "Rettelser" },
    html`<p class="crumbs"><a href="/">Forside</a> › Rettelser</p>
<h1>Rettelser, som udsagn har lært af</h1>
<p class="lead">Når du retter temaerne for et udsagn, husker udsagn det. Nye analyser med samme temaer giver det samme udsagn (også skrevet lidt anderledes) de rettede temaer, og modellen trænes igen med rettelserne, så lignende udsagn følger med.</p>
${o.notice !== undefined ? html`<p class="notice" role="status">${o.notice}</p>` : ""}
${o.training ? html`<p class="muted" data-training="1">Modellen trænes netop nu med rettelserne. Analyser bruger den, når den er klar.</p>` : ""}
${newestFirst.length === 0
      ? html`<p>Der er ingen rettelser endnu. Ret temaerne under “Gennemgå udsagn” i en analyse.</p>`
      : html`<table class="corrections">
<caption class="muted">${newestFirst.length} rettelser</caption>
<thead><tr><th scope="col">Udsagn</th><th scope="col">Temaer</th><th scope="col">Hvornår</th><th scope="col">Fra analyse</th><th scope="col"><span class="visually-hidden">Fjern</span></th></tr></thead>
<tbody>${newestFirst.map((c) =>
        html`<tr data-correction="${c.id}"><td>${c.text}</td>
<td>${c.themes.map((t) => o.labels.get(t) ?? t).join(", ")}</td>
<td>${formatWhen(c.createdAt)}</td>
<td>${c.analysis !== undefined ? html`<a href="/analyser/${c.analysis}">Åbn analysen</a>` : "udsagn learn"}</td>
<td><form method="post" action="/rettelser/${c.id}/fjern"><button type="submit">Fjern</button></form></td></tr>`
      )}</tbody></table>`}`
  )
}
