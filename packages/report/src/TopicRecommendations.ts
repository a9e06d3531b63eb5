import { isQuestion } from "@udsagn/aggregate/ProposalKinds"
import { mergedProposals } from "@udsagn/aggregate/Proposals"
import { topicCorpus } from "@udsagn/aggregate/TopicWords"
import { plainText } from "@udsagn/danish/Normalize"
import {
  Action,
  type CategorizedResult,
  type CategorizedStatement,
  Quote,
  type StatementId,
  type Summary,
  TopicRecommendation,
  type TopicsFile
} from "@udsagn/domain"
import { LEFTOVER_LABEL } from "@udsagn/domain/Topics"
import { byId, canonicalId, mainThemes, oneLine } from "./ReportModel.js"

// Per theme, what the draft says: one recommendation per sub-topic that carries proposals, the
// theme's proposals and low-hanging fruit, and its quotes. Themes are planned biggest first, and a
// quote or a low-hanging fruit already used under a bigger theme is not used again (a statement
// can carry two themes; the committee should read it once).

export const MAX_QUOTES = 3
export const MAX_ACTIONS = 8
const MAX_FRUIT = 8
const MAX_TOPIC_PROPOSALS = 5

export interface ThemePlan {
  /** The theme's proposals in figures: proposing statements, distinct (merged) proposals, easy ones. */
  readonly counts: { readonly statements: number; readonly distinct: number; readonly easy: number }
  readonly topics: ReadonlyArray<TopicRecommendation>
  readonly actions: ReadonlyArray<Action>
  readonly lowHangingFruit: ReadonlyArray<Action>
  readonly quotes: ReadonlyArray<Quote>
}

const quoteOf = (s: CategorizedStatement) => new Quote({ statementId: s.id, text: oneLine(s.text), question: s.question })

/** The plan of every main theme with statements, by theme id. */
export const planThemes = (
  result: CategorizedResult,
  summary: Summary,
  topics: TopicsFile
): ReadonlyMap<string, ThemePlan> => {
  const corpus = topicCorpus(result.statements, result.themeSet)
  const lookup = byId(result)
  const canonical = (id: string) => {
    const s = lookup.get(id)
    return s === undefined ? id : canonicalId(s, lookup)
  }
  const quoted = new Set<string>()
  const fruitTexts = new Set<string>()
  const fruitIds = new Set<string>()
  const plans = new Map<string, ThemePlan>()
  const themes = [...mainThemes(summary)].filter((t) => t.count > 0).sort((a, b) => b.count - a.count)
  for (const theme of themes) {
    const groups = topics.themes.find((t) => t.theme === theme.theme)?.topics ?? []
    const recs: Array<{ rec: TopicRecommendation; order: number }> = []
    const all: Array<{ text: string; ids: ReadonlyArray<StatementId>; easy: boolean; order: number }> = []
    groups.forEach((topic, order) => {
      const members = topic.statements.map((id) => lookup.get(id)).filter((s): s is CategorizedStatement => s !== undefined)
      const merged = mergedProposals(corpus, members)
      merged.forEach((p) => all.push({ text: p.text, ids: p.ids, easy: p.easy, order: all.length }))
      if (merged.length === 0) return
      const proposals = merged.slice(0, MAX_TOPIC_PROPOSALS).map(
        (p) => new Action({ text: p.text, statementIds: [...p.ids], lowHangingFruit: p.easy })
      )
      recs.push({
        order: topic.label === LEFTOVER_LABEL ? Number.MAX_SAFE_INTEGER : order,
        rec: new TopicRecommendation({
          label: topic.label,
          text: merged[0]!.text,
          supporters: merged.reduce((n, p) => n + p.ids.length, 0),
          statementCount: topic.statements.length,
          proposals,
          statementIds: [...topic.statements]
        })
      })
    })
    // Most supported sub-topic first; "Øvrige" after the named ones whatever its support.
    const named = (r: { order: number }) => (r.order === Number.MAX_SAFE_INTEGER ? 1 : 0)
    recs.sort((a, b) => named(a) - named(b) || b.rec.supporters - a.rec.supporters || a.order - b.order)
    all.sort((a, b) => b.ids.length - a.ids.length || a.order - b.order)

    const lowHangingFruit: Array<Action> = []
    for (const p of all) {
      if (lowHangingFruit.length >= MAX_FRUIT) break
      if (!p.easy) continue
      const key = plainText(p.text)
      if (fruitTexts.has(key) || p.ids.some((id) => fruitIds.has(canonical(id)))) continue
      fruitTexts.add(key)
      for (const id of p.ids) fruitIds.add(canonical(id))
      lowHangingFruit.push(new Action({ text: p.text, statementIds: [...p.ids], lowHangingFruit: true }))
    }
    const easy = new Set(lowHangingFruit.map((a) => a.text))
    const actions = all
      .filter((p) => !easy.has(p.text))
      .slice(0, MAX_ACTIONS)
      .map((p) => new Action({ text: p.text, statementIds: [...p.ids], lowHangingFruit: false }))

    // Quotes round the sub-topics, biggest first: each one's clearest statement not quoted under
    // another theme, then the next clearest, until there are enough.
    const quotes: Array<Quote> = []
    const ordered = [...groups.filter((g) => g.label !== LEFTOVER_LABEL), ...groups.filter((g) => g.label === LEFTOVER_LABEL)]
    const cursors = ordered.map(() => 0)
    let progress = true
    while (quotes.length < MAX_QUOTES && progress) {
      progress = false
      ordered.forEach((topic, t) => {
        if (quotes.length >= MAX_QUOTES) return
        while (cursors[t]! < topic.statements.length) {
          const s = lookup.get(topic.statements[cursors[t]!]!)
          cursors[t]!++
          if (s === undefined || quoted.has(canonical(s.id)) || isQuestion(s.text) || /\[(?:CPR|telefon|e-mail)\]/i.test(s.text)) continue
          quoted.add(canonical(s.id))
          // The first-written copy, as the report shows and counts copies (×2).
          quotes.push(quoteOf(lookup.get(canonical(s.id)) ?? s))
          progress = true
          return
        }
      })
    }
    const counts = {
      statements: all.reduce((n, p) => n + p.ids.length, 0),
      distinct: all.length,
      easy: all.filter((p) => p.easy).reduce((n, p) => n + p.ids.length, 0)
    }
    plans.set(theme.theme, { counts, topics: recs.map((r) => r.rec), actions, lowHangingFruit, quotes })
  }
  return plans
}
