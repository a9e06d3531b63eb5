import { formatInt, formatShare } from "@udsagn/danish/Format"
import type { CategorizedResult, ChartFile, Recommendation, ThemeSummary, ThemeTopics } from "@udsagn/domain"
import { count, listAnd, quoted } from "../Format.js"
import { html, type Raw } from "../Html.js"
import { representativeOf } from "../Recommendations.js"
import { listsEveryStatement } from "../ReportLimits.js"
import { byId, dedupe, leadingQuestions, questionsOfTheme, statementsOfTheme } from "../ReportModel.js"
import { notesBlock } from "./NotesSection.js"
import { actionList, anchor, colorOf, figure, quoteBlock, statementItem } from "./Parts.js"
import { topicRecommendations, topicsBlock } from "./TopicsSection.js"

// One section per theme: figures, what it covers, key terms, quotes, proposals, all statements.

export const themeSection = (
  result: CategorizedResult,
  theme: ThemeSummary,
  rec: Recommendation | undefined,
  allCharts: ReadonlyArray<ChartFile>,
  topics?: ThemeTopics
): Raw => {
  const charts = allCharts.filter((c) => c.kind !== "topics")
  const topicCharts = allCharts.filter((c) => c.kind === "topics")
  const lookup = byId(result)
  const all = statementsOfTheme(result, theme.theme)
  const listed = listsEveryStatement(result.statements.length)
  // The draft's quotes (round the sub-topics, never one quoted under another theme) when it has them.
  const themeCounts = new Map(dedupe(all, lookup).map((s) => [s.statement.id as string, s]))
  const fromDraft = (rec?.quotes ?? []).map((q) => themeCounts.get(q.statementId)).filter((s) => s !== undefined)
  const quotes = rec !== undefined && rec.topics.length > 0 ? fromDraft : representativeOf(result, theme, 5)
  const questions = questionsOfTheme(all)
  const fruit = rec?.lowHangingFruit ?? []
  const actions = rec !== undefined && rec.topics.length > 0 ? [] : (rec?.actions ?? []).filter((a) => !a.lowHangingFruit)
  const description = result.themeSet.themes.find((t) => t.id === theme.theme)?.description
  return html`<section id="${anchor(theme.theme)}" class="major theme" style="--theme:${colorOf(theme)}">
<h2><span class="swatch" style="background:${colorOf(theme)}"></span>${theme.label}</h2>
<p class="lead"><span class="big">${formatInt(theme.count)}</span> udsagn · <span class="big">${
    formatShare(theme.share)
  }</span> af alle udsagn</p>
${
    description !== undefined && description !== theme.label
      ? html`<p class="covers"><strong>Temaet dækker:</strong> ${description}</p>`
      : ""
  }
${
    leadingQuestions(questions).length > 0
      ? html`<p>Flest fra ${
        listAnd(leadingQuestions(questions).map((q) => `${quoted(q.question)} (${formatInt(q.count)})`))
      }.</p>`
      : ""
  }
${topicsBlock(result, topics, topicCharts)}
${
    charts.length > 0
      ? html`<h3>Det går igen</h3>
${charts.map(figure)}`
      : theme.keyTerms.length > 0
      ? html`<h3>Det går igen</h3>
<p class="terms">${
        theme.keyTerms.slice(0, 8).map((k) =>
          html`<span class="term">${k.term} <small>${formatInt(k.statements)}</small></span> `
        )
      }</p>
<p class="note">Ord, der bruges mere i dette tema end i de andre. Tallet er antal udsagn med ordet.</p>`
      : ""
  }
${
    quotes.length > 0
      ? html`<h3>Udvalgte udsagn</h3>
${quotes.map(quoteBlock)}`
      : ""
  }
${topicRecommendations(rec)}
<h3>Lavthængende frugter</h3>
${
    fruit.length > 0
      ? html`<p class="note">Konkrete forslag fra deltagerne, som er enkle at gå i gang med.</p>${actionList(fruit)}`
      : html`<p>Ingen af udsagnene peger på en enkel, konkret handling.</p>`
  }
${
    actions.length > 0
      ? html`<h3>Andre konkrete forslag</h3>${actionList(actions)}`
      : ""
  }
${notesBlock(result, theme.theme)}
${
    all.length > 0 && !listed
      ? html`<p class="note not-listed">${
        all.length === 1 ? "Temaets ene udsagn" : `Temaets ${count(all.length, "udsagn", "udsagn")}`
      } står ikke enkeltvis her. De står alle i regnearket statements.xlsx (filtrér kolonnen »temaer« på »${theme.label}«) og i statements.json.</p>`
      : all.length > 0
      ? html`<details class="all"><summary>${all.length === 1 ? "Det ene udsagn" : `Alle ${count(all.length, "udsagn", "udsagn")}`} om ${
        theme.label.toLocaleLowerCase("da")
      }</summary>
<p class="note">Mest sikre først. <mark>Gult</mark>: ord fra temaets ordliste. <mark class="model">Understreget</mark>: ord, som den statistiske model lagde vægt på.</p>
<ol class="statements">${
        dedupe([...all].sort((a, b) => b.confidence - a.confidence), lookup).map((s) => statementItem(result, s, theme.theme))
      }</ol>
</details>`
      : ""
  }
</section>`
}
