import { normalize } from "@udsagn/danish/Normalize"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import type { ThemeSet } from "@udsagn/domain/Theme"
import { Candidate } from "@udsagn/domain/Topics"
import { clearestFirst, groupStatements } from "./Grouping.js"
import type { TopicCorpus } from "./TopicWords.js"

// Candidate new themes: among the statements without a theme, groups that hang together by the
// same anchor words as a theme's sub-topics. Thanks, praise of the day and remarks about the event
// itself are not a theme and are left out first; a word that already belongs to a theme of the
// theme file anchors nothing (those statements are for review, not a new theme).

export const MAX_CANDIDATES = 5

// Matched on the folded text (æøå → ae/oe/aa).
const SMALL_TALK = new RegExp(
  "\\b(?:tak|takk|tusind tak|god dag|godt arrangement|god konference|fed dag|fedt|super|skoen|dejlig\\w*|" +
    "inspirerende|inspiration|spaendende|laererig\\w*|hyggelig\\w*|energi|mange gode|gode snakke|godt oplaeg|" +
    "frokost\\w*|kaffe\\w*|pause\\w*|slides|praesentation\\w*|oplaeg\\w*|oplaegsholder\\w*|foredrag\\w*|mikrofon\\w*|lokale\\w*|wifi|test)\\b"
)

/** Thanks, praise and remarks about the event itself: not what a theme is made of. */
export const isSmallTalk = (text: string, keys: number): boolean =>
  keys < 2 || (keys < 8 && SMALL_TALK.test(normalize(text)))

/** The smallest group offered as a candidate: five statements, or 5 % of the statements without a theme. */
export const candidateMinSize = (n: number): number => Math.max(5, Math.ceil(0.05 * n))

export const candidateThemes = (
  corpus: TopicCorpus,
  other: ReadonlyArray<CategorizedStatement>,
  themeSet: ThemeSet
): ReadonlyArray<Candidate> => {
  const pool = other.filter((s) => !isSmallTalk(s.text, corpus.byId.get(s.id)?.ids.length ?? 0))
  const minSize = candidateMinSize(pool.length)
  if (pool.length < minSize) return []
  const skip = new Set<string>()
  for (const theme of themeSet.themes) {
    for (const k of corpus.themeTermKeys.get(theme.id) ?? []) skip.add(k)
    for (const k of corpus.synonymKeys.get(theme.id) ?? []) skip.add(k)
  }
  const groups = groupStatements(corpus, pool.map((s) => s.id), { minSize, maxGroups: MAX_CANDIDATES, maxShare: 1, skip })
  return groups.map((g) =>
    new Candidate({
      label: g.label,
      terms: g.terms,
      statements: clearestFirst(corpus, g.members.map((i) => pool[i]!)).map((s) => s.id)
    })
  )
}
