import { formatInt } from "@udsagn/danish/Format"
import { plainText } from "@udsagn/danish/Normalize"
import type { Action, CategorizedResult, CategorizedStatement, Candidate, ChartFile, Recommendation, ThemeTopics } from "@udsagn/domain"
import { LEFTOVER_LABEL } from "@udsagn/domain/Topics"
import { count, listAnd } from "../Format.js"
import { html, type Raw } from "../Html.js"
import { supportText, topicLead } from "../Recommendations.js"
import { byId } from "../ReportModel.js"
import { figure } from "./Parts.js"

// What a theme is made of (its sub-topics), the draft's recommendations per sub-topic, and the
// candidate new themes found among the statements without one.

const EXAMPLES = 2
// A candidate of thousands of statements lists the first ids; topics.json has them all.
const MAX_IDS = 40

const examples = (result: CategorizedResult, ids: ReadonlyArray<string>, n: number): Raw => {
  const lookup = byId(result)
  // Word-for-word copies once: the clearest statements of a group are often the same text twice.
  // The first n, read in order until they are found (a sub-topic may hold thousands).
  const seen = new Set<string>()
  const picked: Array<CategorizedStatement> = []
  for (let i = 0; i < ids.length && picked.length < n; i++) {
    const s = lookup.get(ids[i]!)
    if (s === undefined) continue
    const key = plainText(s.text)
    if (seen.has(key)) continue
    seen.add(key)
    picked.push(s)
  }
  return html`${picked.map((s) => html`<li>»${s.text}« <span class="sid">(${s.id})</span></li>`)}`
}

/** "Hvad handler det om?": the chart and each sub-topic with its words and clearest statements. */
export const topicsBlock = (result: CategorizedResult, topics: ThemeTopics | undefined, charts: ReadonlyArray<ChartFile>): Raw => {
  const list = topics?.topics ?? []
  if (!list.some((t) => t.label !== LEFTOVER_LABEL)) return html``
  return html`<h3>Hvad handler det om?</h3>
<p class="note">Temaets udsagn samlet i emner efter de ord, de deler (ordstammer, også inde i sammensatte ord, og temaets ord, der betyder det samme). Hvert udsagn står under ét emne; udsagn uden fælles ord med et emne står under »${LEFTOVER_LABEL}«.</p>
${charts.map(figure)}
<ul class="topics">${
    list.map((t) =>
      html`<li><strong>${t.label}</strong> · ${count(t.statements.length, "udsagn", "udsagn")}${
        t.terms.length > 0 ? html` · ord: ${listAnd(t.terms.slice(0, 5))}` : ""
      }
<ul class="examples">${examples(result, t.statements, t.label === LEFTOVER_LABEL ? 1 : EXAMPLES)}</ul></li>`
    )
  }</ul>`
}

const proposalItem = (a: Action): Raw => html`<li>${a.text} <span class="sid">(${supportText(a)})</span></li>`

/** The draft's recommendations for the theme, one per sub-topic with proposals. */
export const topicRecommendations = (rec: Recommendation | undefined): Raw => {
  const topics = rec?.topics ?? []
  if (topics.length === 0) return html``
  return html`<h3>Anbefalinger pr. emne</h3>
<p class="note">Deltagernes egne forslag, samlet pr. emne; forslag, som flere har stillet, står én gang med antallet af deltagere bag. Mest foreslået først. Samme tekst som i recommendations.docx.</p>
<ol class="topic-recs">${
    topics.map((t) => html`<li><strong>${topicLead(t)}</strong><ul class="actions">${t.proposals.map(proposalItem)}</ul></li>`)
  }</ol>`
}

/** "Mulige nye temaer": groups among the statements without a theme. */
export const candidatesSection = (result: CategorizedResult, candidates: ReadonlyArray<Candidate>): Raw => {
  const other = result.statements.filter((s) => (s.themes as ReadonlyArray<string>).includes("other")).length
  return html`<section id="nye-temaer" class="major">
<h2>Mulige nye temaer</h2>
<p>Blandt de ${formatInt(other)} udsagn, der ikke passer i nogen af temaerne, ${
    candidates.length === 0
      ? "er der ingen grupper, der hænger sammen om de samme ord (tak, ros og bemærkninger om dagen er holdt udenfor)."
      : html`hænger ${count(candidates.length, "gruppe", "grupper")} sammen om de samme ord. Det kan være temaer, som temalisten mangler. Administrationen kan gøre en gruppe til et tema: ordene bliver temaets ord, udsagnene dets eksempler (se topics.json).`
  }</p>
${
    candidates.map((c) =>
      html`<h3>${c.label} <small>(${count(c.statements.length, "udsagn", "udsagn")})</small></h3>
<p>Ord: ${listAnd(c.terms)}.</p>
<ul class="examples">${examples(result, c.statements, 4)}</ul>
<p class="note">${
        c.statements.length <= MAX_IDS
          ? html`Alle udsagn i gruppen: ${c.statements.join(", ")}`
          : html`Udsagn i gruppen: ${c.statements.slice(0, MAX_IDS).join(", ")} … (alle ${formatInt(c.statements.length)} i topics.json)`
      }</p>`
    )
  }
</section>`
}
