import { type LanguageCheck, languageCheck } from "@udsagn/danish/Language"
import type { CategorizedResult, CategorizedStatement, StatementId, Summary, ThemeSummary } from "@udsagn/domain"
import { isKeyTermStopWord } from "@udsagn/danish/StopWords"
import { OTHER } from "@udsagn/domain/Theme"

// Pure helpers shared by the HTML report, the drafts and the spreadsheet, so all three
// say the same thing about the same statements.

/**
 * Once per result (or list): the report, the draft and the method section ask for the same
 * lookups and theme lists several times each, which at 100,000 statements cost seconds.
 */
const memo = <K extends object, V>(f: (key: K) => V): ((key: K) => V) => {
  const cache = new WeakMap<K, V>()
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V
    const value = f(key)
    cache.set(key, value)
    return value
  }
}

/** `memo` for a function of two objects (a list and its lookup, a result and its summary). */
const memo2 = <A extends object, B extends object, V>(f: (a: A, b: B) => V): ((a: A, b: B) => V) => {
  const cache = new WeakMap<A, WeakMap<B, V>>()
  return (a, b) => {
    const byB = cache.get(a) ?? new WeakMap<B, V>()
    cache.set(a, byB)
    if (byB.has(b)) return byB.get(b) as V
    const value = f(a, b)
    byB.set(b, value)
    return value
  }
}

export const byId: (result: CategorizedResult) => ReadonlyMap<string, CategorizedStatement> = memo((result) =>
  new Map(result.statements.map((s) => [s.id as string, s]))
)

/** The first statement of a run of word-for-word duplicates (follows chains). */
export const canonicalId = (
  statement: CategorizedStatement,
  lookup: ReadonlyMap<string, CategorizedStatement>
): string => {
  // Most statements are no one's copy: no chain to follow, nothing to allocate.
  if (statement.duplicateOf === undefined) return statement.id
  let current = statement
  const seen = new Set<string>()
  while (current.duplicateOf !== undefined && !seen.has(current.id)) {
    seen.add(current.id)
    const next = lookup.get(current.duplicateOf)
    if (next === undefined) return current.duplicateOf
    current = next
  }
  return current.id
}

export interface Shown {
  readonly statement: CategorizedStatement
  /** How many times the text occurs in the list (1 when unique). */
  readonly times: number
  /** Ids of every occurrence, the shown one first. */
  readonly ids: ReadonlyArray<StatementId>
}

/** Collapse word-for-word duplicates: each text once, in first-seen order, with its count. */
// The same list folded again (a theme's statements by the report and the draft) is folded once.
export const dedupe: (
  statements: ReadonlyArray<CategorizedStatement>,
  lookup: ReadonlyMap<string, CategorizedStatement>
) => ReadonlyArray<Shown> = memo2((statements, lookup) => dedupeList(statements, lookup))

const dedupeList = (
  statements: ReadonlyArray<CategorizedStatement>,
  lookup: ReadonlyMap<string, CategorizedStatement>
): ReadonlyArray<Shown> => {
  const groups = new Map<string, Array<CategorizedStatement>>()
  for (const s of statements) {
    const key = canonicalId(s, lookup)
    const group = groups.get(key)
    if (group) group.push(s)
    else groups.set(key, [s])
  }
  return [...groups.entries()].map(([key, group]) => {
    // The first-written copy is the one shown and cited first, whatever order the list had.
    const first = group.find((s) => s.id === key) ?? group[0]!
    const rest = group.filter((s) => s !== first)
    return { statement: first, times: group.length, ids: [first.id, ...rest.map((s) => s.id)] }
  })
}

export const themeLabel = (result: CategorizedResult, theme: string): string =>
  theme === OTHER
    ? result.themeSet.otherLabel
    : result.themeSet.themes.find((t) => t.id === theme)?.label ?? theme

const themeLists = memo((result: CategorizedResult) => {
  const lists = new Map<string, Array<CategorizedStatement>>()
  for (const s of result.statements) {
    for (const t of new Set<string>(s.themes)) {
      const list = lists.get(t)
      if (list === undefined) lists.set(t, [s])
      else list.push(s)
    }
  }
  return lists
})

/** The theme's statements in input order (one list per result and theme, shared: never mutated). */
export const statementsOfTheme = (result: CategorizedResult, theme: string): ReadonlyArray<CategorizedStatement> =>
  themeLists(result).get(theme) ?? []

/** Themes that get their own section and recommendation: all but `other`, by count. */
export const mainThemes = (summary: Summary): ReadonlyArray<ThemeSummary> =>
  summary.themes.filter((t) => t.theme !== OTHER)

export const otherTheme = (summary: Summary): ThemeSummary | undefined =>
  summary.themes.find((t) => t.theme === OTHER)

// The summary's flagged ids as a set, built once per summary: `includes` per statement made
// the review list quadratic (0.7 s at 100,000 statements, about 70 s at a million).
const flaggedSets = new WeakMap<Summary, ReadonlySet<string>>()
const flaggedIds = (summary: Summary): ReadonlySet<string> => {
  let set = flaggedSets.get(summary)
  if (set === undefined) {
    set = new Set<string>(summary.needsReview)
    flaggedSets.set(summary, set)
  }
  return set
}

/**
 * "Usikkert placeret": flagged by the categorizer and given a theme (those without one are
 * counted as »Andet«). The one definition behind the report's list, the drafts' figure and the
 * web app's "usikre" count and filter.
 */
export const uncertainPlacement = (s: CategorizedStatement): boolean =>
  s.needsReview && !(s.themes as ReadonlyArray<string>).includes(OTHER)

/** Statements for the reviewer: flagged by the categorizer, or given no theme. */
export const reviewStatements: (result: CategorizedResult, summary: Summary) => ReadonlyArray<CategorizedStatement> = memo2(
  (result: CategorizedResult, summary: Summary) => reviewList(result, summary)
)

const reviewList = (result: CategorizedResult, summary: Summary): ReadonlyArray<CategorizedStatement> => {
  const flagged = flaggedIds(summary)
  return result.statements.filter(
    (s) => flagged.has(s.id) || s.needsReview || (s.themes as ReadonlyArray<string>).includes(OTHER)
  )
}

export const reviewReasons = (s: CategorizedStatement, summary: Summary): ReadonlyArray<string> => {
  const reasons: Array<string> = []
  if ((s.themes as ReadonlyArray<string>).includes(OTHER)) reasons.push("intet tema")
  if (s.needsReview || flaggedIds(summary).has(s.id)) reasons.push("usikker placering")
  return reasons
}

/** Per question: how many of the theme's statements came from it, most first. */
export const questionsOfTheme = (
  statements: ReadonlyArray<CategorizedStatement>
): ReadonlyArray<{ readonly question: string; readonly count: number }> => {
  const counts = new Map<string, number>()
  for (const s of statements) counts.set(s.question, (counts.get(s.question) ?? 0) + 1)
  return [...counts.entries()]
    .map(([question, count]) => ({ question, count }))
    .sort((a, b) => b.count - a.count)
}

/**
 * The questions to name after "flest fra": up to `max`, but never one that is tied with the
 * next (naming one of several equal questions would make it look like the runner-up).
 */
export const leadingQuestions = <Q extends { readonly count: number }>(
  questions: ReadonlyArray<Q>,
  max = 2
): ReadonlyArray<Q> => {
  const picked = questions.slice(0, max)
  const next = questions[picked.length]
  const last = picked[picked.length - 1]
  return last !== undefined && next !== undefined && next.count === last.count
    ? picked.filter((q) => q.count !== last.count)
    : picked
}

export interface EvidenceWords {
  /** Words and phrases from the theme's word list. */
  readonly lexicon: ReadonlyArray<string>
  /** Words the statistical model leaned on; function words left out, they explain nothing to a reader. */
  readonly model: ReadonlyArray<string>
}

/**
 * The words in the statement's text that placed it in a theme (or in any theme). An override's
 * evidence is the whole text, which marks nothing useful, so it is left out here.
 */
export const evidenceMatches = (s: CategorizedStatement, theme?: string): EvidenceWords => {
  const lexicon = new Set<string>()
  const model = new Set<string>()
  for (const e of s.evidence) {
    if (theme !== undefined && e.theme !== theme) continue
    const m = e.match.trim()
    if (m.length === 0) continue
    if (e.source === "lexicon") lexicon.add(m)
    else if (e.source === "classifier" && m.length > 2 && !isKeyTermStopWord(m)) model.add(m)
  }
  return { lexicon: [...lexicon], model: [...model].filter((m) => !lexicon.has(m)) }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** Where the matches occur in the text, as merged, sorted [start, end) ranges. */
export const matchRanges = (
  text: string,
  matches: ReadonlyArray<string>
): ReadonlyArray<readonly [number, number]> => {
  const ranges: Array<[number, number]> = []
  for (const m of matches) {
    const re = new RegExp(escapeRegExp(m), "giu")
    for (const hit of text.matchAll(re)) {
      if (hit[0].length > 0) ranges.push([hit.index, hit.index + hit[0].length])
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: Array<[number, number]> = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

/** The statement's text as one line (quotes and drafts never break lines). */
export const oneLine = (text: string): string => text.replace(/\s+/gu, " ").trim()

/**
 * Whether the answers look Danish (`@udsagn/danish` languageCheck over the statements' text). The
 * themes, the lexicon and the agreement figures are Danish: for another language the report says so.
 */
export const languageOf: (result: CategorizedResult) => LanguageCheck = memo((result) => {
  const texts = result.statements.map((s) => s.text)
  // Above LANGUAGE_SAMPLE answers, every nth of them, spread over the whole export: the same
  // verdict, and at 100,000 answers nearly two seconds less.
  const step = texts.length / LANGUAGE_SAMPLE
  return languageCheck(step <= 1 ? texts : Array.from({ length: LANGUAGE_SAMPLE }, (_, i) => texts[Math.floor(i * step)]!))
})

/** How many answers the language check reads at most. */
export const LANGUAGE_SAMPLE = 5_000
