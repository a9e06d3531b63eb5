import { formatInt, formatShare } from "@udsagn/danish/Format"
import type { CategorizedResult, ChartFile, Summary } from "@udsagn/domain"
import { count } from "../Format.js"
import { html, type Raw } from "../Html.js"
import { figure } from "./Parts.js"

// "Arrangementer og kilder": when one analysis reads several exports, the themes per event and
// each file's accounts (read = kept + sorted out); and the notes files read besides, which are
// not statements.

/** The events in the order their files were read, with their statements' count. */
export const eventsOf = (result: CategorizedResult): ReadonlyArray<{ readonly event: string; readonly statements: number }> => {
  const counts = new Map<string, number>()
  for (const s of result.statements) if (s.event !== undefined) counts.set(s.event, (counts.get(s.event) ?? 0) + 1)
  return [...counts.entries()].map(([event, statements]) => ({ event, statements }))
}

const eventsTable = (result: CategorizedResult, summary: Summary, charts: ReadonlyArray<ChartFile>): Raw => {
  const events = eventsOf(result)
  const cell = new Map<string, number>()
  for (const s of result.statements) {
    for (const t of s.themes) cell.set(`${s.event}\u0000${t}`, (cell.get(`${s.event}\u0000${t}`) ?? 0) + 1)
  }
  return html`<h3>Temaerne i hvert arrangement</h3>
${charts.map(figure)}
<p class="note">Antal udsagn og, i parentes, andelen af arrangementets udsagn. Et udsagn kan høre til flere temaer.</p>
<table class="numbers matrix events">
<thead><tr><th scope="col">Tema</th>${events.map((e) => html`<th scope="col" class="num">${e.event}</th>`)}</tr></thead>
<tbody>${
    summary.themes.map((t) =>
      html`<tr><th scope="row">${t.label}</th>${
        events.map((e) => {
          const n = cell.get(`${e.event}\u0000${t.theme}`) ?? 0
          return html`<td class="num">${formatInt(n)} (${formatShare(e.statements > 0 ? n / e.statements : 0)})</td>`
        })
      }</tr>`
    )
  }
<tr><th scope="row">Udsagn i alt</th>${events.map((e) => html`<td class="num">${formatInt(e.statements)}</td>`)}</tr>
</tbody>
</table>`
}

const filesTable = (result: CategorizedResult): Raw => {
  const files = result.ledger.files ?? []
  return html`<h3>Hver fil for sig</h3>
<table class="numbers">
<thead><tr><th scope="col">Fil</th><th scope="col">Arrangement</th><th scope="col" class="num">Svar læst</th><th scope="col" class="num">Udsagn</th><th scope="col" class="num">Sorteret fra</th></tr></thead>
<tbody>${
    files.map((f) =>
      html`<tr><th scope="row">${f.source}</th><td>${f.event}</td><td class="num">${formatInt(f.read)}</td><td class="num">${
        formatInt(f.kept)
      }</td><td class="num">${formatInt(f.excluded.reduce((n, e) => n + e.count, 0))}</td></tr>`
    )
  }
<tr><th scope="row">I alt</th><td></td><td class="num">${formatInt(result.ledger.read)}</td><td class="num">${
    formatInt(result.ledger.kept)
  }</td><td class="num">${formatInt(result.ledger.excluded.reduce((n, e) => n + e.count, 0))}</td></tr>
</tbody>
</table>`
}

const notesFiles = (result: CategorizedResult): Raw => {
  const notes = result.ledger.notes ?? []
  return html`<h3>Noter fra oplæg og drøftelser</h3>
<p>Ud over deltagernes udsagn er ${count(notes.length, "notatfil", "notatfiler")} læst: ${
    notes.map((n, i) => html`${i > 0 ? ", " : ""}${n.file} (${count(n.paragraphs, "afsnit", "afsnit")})`)
  }. Afsnittene er sorteret i de samme temaer og vises under hvert tema som »Fra oplæg og drøftelser«; de tæller ikke med i udsagnenes antal, andele og figurer.</p>`
}

/** Whether the report has this section: several exports, or notes. */
export const hasSources = (result: CategorizedResult): boolean =>
  eventsOf(result).length > 1 || (result.ledger.files ?? []).length > 1 || (result.ledger.notes ?? []).length > 0

export const sourcesSection = (result: CategorizedResult, summary: Summary, charts: ReadonlyArray<ChartFile> = []): Raw => {
  if (!hasSources(result)) return html``
  const several = eventsOf(result).length > 1
  return html`<section id="kilder" class="major">
<h2>Arrangementer og kilder</h2>
${several ? html`<p>Analysen samler udsagn fra ${count(eventsOf(result).length, "arrangement", "arrangementer")}. Hvert udsagn har sit arrangement i statements.json og statements.xlsx.</p>` : ""}
${several ? eventsTable(result, summary, charts) : ""}
${(result.ledger.files ?? []).length > 1 ? filesTable(result) : ""}
${(result.ledger.notes ?? []).length > 0 ? notesFiles(result) : ""}
</section>`
}
