import type { RecommendationsDraft, Summary } from "@udsagn/domain"
import { formatDate } from "@udsagn/danish/Format"
import { createHash } from "node:crypto"
import { count } from "./Format.js"
import { html, raw, type Raw } from "./Html.js"
import { eventLine } from "./Recommendations.js"
import type { ReportInput } from "./ReportInput.js"
import { mainThemes } from "./ReportModel.js"
import { notListedNote } from "./ReportLimits.js"
import { REPORT_CSS } from "./ReportStyle.js"
import { planCharts } from "./sections/ChartPlan.js"
import { closedSection } from "./sections/ClosedSection.js"
import { matrixSection } from "./sections/MatrixSection.js"
import { methodSection } from "./sections/MethodSection.js"
import { overviewSection } from "./sections/OverviewSection.js"
import { anchor } from "./sections/Parts.js"
import { otherNotesSection } from "./sections/NotesSection.js"
import { reviewSection } from "./sections/ReviewSection.js"
import { hasSources, sourcesSection } from "./sections/SourcesSection.js"
import { summarySection } from "./sections/SummarySection.js"
import { themeSection } from "./sections/ThemeSection.js"
import { candidatesSection } from "./sections/TopicsSection.js"
import { namesOnDisk } from "./FileNames.js"

// The report for the committee: one self-contained HTML file, Danish, printable on A4.
// Everything from the data goes through `html`, which escapes it; only our own markup is raw.
// Each section is a file of its own in sections/; this file puts them together.

// Opens every collapsed list before printing (browsers without ::details-content print them shut).
export const PRINT_SCRIPT =
  `addEventListener("beforeprint",function(){document.querySelectorAll("details").forEach(function(d){d.open=true})})`
const PRINT_SCRIPT_HASH = createHash("sha256").update(PRINT_SCRIPT).digest("base64")

// Nothing loads and nothing runs except the one script above, whatever the data holds.
const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${PRINT_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`

const toc = (summary: Summary, hasClosed: boolean, hasTopics: boolean, sources = false): Raw =>
  html`<nav class="toc" aria-label="Indhold"><h2>Indhold</h2><ol>
<li><a href="#sammenfatning">Sammenfatning</a></li>
<li><a href="#overblik">Temaerne i overblik</a></li>
<li><a href="#spoergsmaal">Temaerne fordelt på spørgsmål</a></li>
${sources ? html`<li><a href="#kilder">Arrangementer og kilder</a></li>` : ""}
${mainThemes(summary).map((t) => html`<li><a href="#${anchor(t.theme)}">${t.label}</a></li>`)}
${hasTopics ? html`<li><a href="#nye-temaer">Mulige nye temaer</a></li>` : ""}
<li><a href="#til-gennemsyn">Til gennemsyn</a></li>
${hasClosed ? html`<li><a href="#lukkede">Afstemninger og skalaer</a></li>` : ""}
<li><a href="#metode">Metode</a></li>
</ol></nav>`

/** What the HTML report is drawn from: the writer's input plus the draft it built once. */
export interface ReportHtmlInput extends Omit<ReportInput, "outDir"> {
  /** The recommendations draft, the same one the .md, .json and .docx are written from. */
  readonly draft: RecommendationsDraft
}

/** The whole report as one self-contained HTML document. */
export const renderReportHtml = (input: ReportHtmlInput): string => {
  const { charts, draft, metrics, result, summary, topics } = input
  const plan = planCharts(charts)
  const recOf = (theme: string) => draft.recommendations.find((r) => r.theme === theme)
  const hasClosed = result.closedQuestions.length > 0 || plan.closed.length > 0
  const e = result.event
  const doc = html`<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e.title}: deltagernes udsagn</title>
<style>${raw(REPORT_CSS)}</style>
<script>${raw(PRINT_SCRIPT)}</script>
</head>
<body>
<header class="cover">
<p class="kicker">Rapport til udvalget</p>
<h1>${e.title}</h1>
<p class="sub">Deltagernes udsagn sorteret i temaer${
    e.date !== undefined && eventLine(result) !== e.title ? html` · ${formatDate(e.date)}` : ""
  }</p>
</header>
${toc(summary, hasClosed, topics !== undefined, hasSources(result))}
<main>
${notListedNote(summary.statements)}
${summarySection(result, summary)}
${overviewSection(summary, plan.overview)}
${matrixSection(summary, plan.matrix)}
${sourcesSection(result, summary, plan.events)}
${
    mainThemes(summary).map((t) =>
      themeSection(result, t, recOf(t.theme), plan.byTheme.get(t.theme) ?? [], topics?.themes.find((x) => x.theme === t.theme))
    )
  }
${topics !== undefined ? candidatesSection(result, topics.candidates) : ""}
${otherNotesSection(result)}
${reviewSection(result, summary)}
${closedSection(result, plan.closed)}
${methodSection(result, summary, metrics, input.corrections)}
</main>
<footer class="end"><p>Dannet automatisk af programmet udsagn ud fra ${
    count(summary.statements, "udsagn", "udsagn")
  }. Udsagnenes id'er (fx ${result.statements[0]?.id ?? "s0001"}) findes også i regnearket ${(input.fileNames ?? namesOnDisk).statementsXlsx}, og udkastet til anbefalinger til sundhedsrådene ligger i ${(input.fileNames ?? namesOnDisk).recommendationsDocx} (til redigering i Word).</p></footer>
</body>
</html>
`
  return doc.html
}
