import type { JobState } from "../Analyses.js"
import { stages } from "../Analyzer.js"
import { html, raw } from "../Html.js"
import { layout } from "./Layout.js"

// Shown while an analysis is queued or running (it reloads itself), or when it failed.

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
