import type { CategorizedResult } from "@udsagn/domain/Analysis"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { OTHER, type ThemeId } from "@udsagn/domain/Theme"
import { LEFTOVER_LABEL, ThemeTopics, Topic, TopicsFile } from "@udsagn/domain/Topics"
import { candidateThemes } from "./Candidates.js"
import { clearestFirst, GENERIC, groupStatements } from "./Grouping.js"
import { type TopicCorpus, topicCorpus } from "./TopicWords.js"

// Sub-topics of each theme (the grouping is Grouping.ts) and topics.json.

export const MAX_TOPICS = 8
/** Themes with fewer statements are not split (too few to group). */
export const MIN_THEME_STATEMENTS = 6

const minSizeFor = (n: number) => Math.max(3, Math.ceil(0.04 * n))

/** One theme's sub-topics, named ones biggest first, then "Øvrige". */
export const themeTopics = (
  corpus: TopicCorpus,
  statements: ReadonlyArray<CategorizedStatement>,
  theme: ThemeId
): ReadonlyArray<Topic> => {
  if (statements.length === 0) return []
  // Too few to group: all of them are the leftovers, so every statement still sits in one topic.
  if (statements.length < MIN_THEME_STATEMENTS) {
    return [new Topic({ label: LEFTOVER_LABEL, terms: [], statements: clearestFirst(corpus, statements).map((s) => s.id) })]
  }
  // The theme's own words and its sets of words that mean the same are preferred anchors;
  // another theme's sets say nothing here.
  const synonyms = corpus.synonymKeys.get(theme) ?? new Set<string>()
  const prefer = new Set([...(corpus.themeTermKeys.get(theme) ?? []), ...synonyms])
  const others = [...corpus.synonymKeys.entries()].filter(([id]) => id !== theme).flatMap(([, keys]) => [...keys])
  // A theme named by one word: that word marks nothing off inside it. (A label naming two
  // things, "Medarbejdertrivsel og ildsjæle", names two sub-topics.)
  const label = corpus.labelKeys.get(theme) ?? new Set<string>()
  // A word of one of the theme's synonym sets is an anchor only as the set.
  const members = synonyms.size > 0 ? corpus.synonymMemberKeys.get(theme) ?? new Set<string>() : new Set<string>()
  const skip = new Set([...GENERIC, ...(label.size === 1 ? label : []), ...others, ...members])
  const groups = groupStatements(corpus, statements.map((s) => s.id), {
    minSize: minSizeFor(statements.length),
    maxGroups: MAX_TOPICS,
    maxShare: 0.5,
    skip,
    prefer
  })
  const taken = new Set<number>()
  const topics = groups.map((g) => {
    for (const i of g.members) taken.add(i)
    const members = g.members.map((i) => statements[i]!)
    return new Topic({ label: g.label, terms: g.terms, statements: clearestFirst(corpus, members).map((s) => s.id) })
  })
  const rest = statements.filter((_, i) => !taken.has(i))
  if (rest.length > 0) {
    topics.push(new Topic({ label: LEFTOVER_LABEL, terms: [], statements: clearestFirst(corpus, rest).map((s) => s.id) }))
  }
  return topics
}

/**
 * `topics.json`: the sub-topics of every theme of the theme file (in the summary's order when
 * given) and the candidate themes among the statements without one.
 */
export const buildTopics = (result: CategorizedResult, order?: ReadonlyArray<ThemeId>): TopicsFile => {
  const corpus = topicCorpus(result.statements, result.themeSet)
  const byTheme = new Map<string, Array<CategorizedStatement>>()
  for (const s of result.statements) {
    for (const t of s.themes) {
      const list = byTheme.get(t)
      if (list === undefined) byTheme.set(t, [s])
      else list.push(s)
    }
  }
  const ids = order ?? result.themeSet.themes.map((t) => t.id)
  const themes = ids
    .filter((id) => id !== OTHER)
    .map((id) => new ThemeTopics({ theme: id, topics: themeTopics(corpus, byTheme.get(id) ?? [], id) }))
  return new TopicsFile({ themes, candidates: candidateThemes(corpus, byTheme.get(OTHER) ?? [], result.themeSet) })
}
