import {
  Action,
  type CategorizedResult,
  type CategorizedStatement,
  Quote,
  Recommendation,
  RecommendationsDraft,
  type StatementId,
  type Summary,
  type ThemeSummary,
  type TopicRecommendation,
  type TopicsFile
} from "@udsagn/domain"
import { formatDate, formatInt, formatShare } from "@udsagn/danish/Format"
import { buildTopics } from "@udsagn/aggregate/Topics"
import { count, listAnd, quoted } from "./Format.js"
import { type FileNames, namesOnDisk } from "./FileNames.js"
import { notesMarkdown } from "./RecommendationNotes.js"
import {
  byId,
  dedupe,
  languageOf,
  leadingQuestions,
  mainThemes,
  oneLine,
  otherTheme,
  questionsOfTheme,
  reviewStatements,
  uncertainPlacement,
  type Shown,
  statementsOfTheme
} from "./ReportModel.js"
import { planThemes, type ThemePlan } from "./TopicRecommendations.js"

// Drafts are templates filled with the data: every number is counted here and every
// quote or action is a participant's own words with its statement ids. Nothing is made up.

const MAX_QUOTES = 3
const MAX_ACTIONS = 8

/** The event's title, with its date unless the title already says it. */
export const eventLine = (result: CategorizedResult): string => {
  const { date, title } = result.event
  if (date === undefined) return title
  const danish = formatDate(date)
  return title.includes(danish) || title.includes(date) ? title : `${title}, ${danish}`
}

/** The theme's representative statements, duplicates folded, best first; falls back to confidence order. */
export const representativeOf = (
  result: CategorizedResult,
  theme: ThemeSummary,
  max: number
): ReadonlyArray<Shown> => {
  const lookup = byId(result)
  const all = statementsOfTheme(result, theme.theme)
  const picked = theme.representative
    .map((id) => lookup.get(id))
    .filter((s): s is CategorizedStatement => s !== undefined)
  const ordered = picked.length > 0
    ? picked
    : [...all].sort((a, b) => b.confidence - a.confidence)
  const shown = dedupe(ordered, lookup).slice(0, max)
  // The (×n) count must cover every copy in the theme, not only copies among the picks.
  const themeCounts = new Map(dedupe(all, lookup).map((s) => [s.statement.id as string, s]))
  return shown.map((s) => themeCounts.get(s.statement.id) ?? s)
}

/** The theme's actionable statements, duplicates folded, best first. */
export const actionsOf = (result: CategorizedResult, theme: ThemeSummary): ReadonlyArray<Action> => {
  const lookup = byId(result)
  const all = statementsOfTheme(result, theme.theme)
  const folded = new Map(dedupe(all, lookup).map((s) => [s.statement.id as string, s]))
  const easy = new Set<string>(theme.lowHangingFruit)
  const actionable = theme.actionable
    .map((id) => lookup.get(id))
    .filter((s): s is CategorizedStatement => s !== undefined)
  return dedupe(actionable, lookup)
    .slice(0, MAX_ACTIONS)
    .map((s) => {
      const group = folded.get(s.statement.id) ?? s
      return new Action({
        text: oneLine(s.statement.text),
        statementIds: [...group.ids],
        lowHangingFruit: easy.has(s.statement.id)
      })
    })
}

const quoteOf = (s: CategorizedStatement) =>
  new Quote({ statementId: s.id, text: oneLine(s.text), question: s.question })

const recommendationFor = (
  result: CategorizedResult,
  summary: Summary,
  theme: ThemeSummary,
  plan: ThemePlan | undefined
): Recommendation => {
  const statements = statementsOfTheme(result, theme.theme)
  const questions = questionsOfTheme(statements)
  const terms = theme.keyTerms.slice(0, 4).map((k) => quoted(k.term))
  // Sub-topic proposals, merged and counted; a draft built without topics falls back to the summary's.
  const actions = plan !== undefined ? [...plan.actions, ...plan.lowHangingFruit] : actionsOf(result, theme)
  const quotes = plan?.quotes ?? representativeOf(result, theme, MAX_QUOTES).map((s) => quoteOf(s.statement))
  const label = theme.label
  const lower = label.toLocaleLowerCase("da")

  // The rationale gives the figures; the headline only says where the theme ranks (ties said as ties).
  const counts = mainThemes(summary).map((t) => t.count)
  const above = counts.filter((c) => c > theme.count).length
  const level = counts.filter((c) => c === theme.count).length
  const headline = above === 0 && level === 1
    ? `Sundhedsrådene bør prioritere ${lower} – det tema, deltagerne skrev mest om`
    : above === 0
    ? `Sundhedsrådene bør prioritere ${lower} – et af de temaer, deltagerne skrev mest om`
    : above === 1 && level === 1
    ? `Sundhedsrådene bør prioritere ${lower} – det næststørste tema`
    : `Sundhedsrådene bør prioritere ${lower}`

  const leading = leadingQuestions(questions)
  const where = questions.length === 1
    ? `Alle kom fra spørgsmålet ${quoted(questions[0]!.question)}.`
    : leading.length === 0
    ? `De kom fra ${count(questions.length, "spørgsmål", "spørgsmål")}.`
    : `De kom fra ${count(questions.length, "spørgsmål", "spørgsmål")}, flest fra ${
      listAnd(leading.map((q) => `${quoted(q.question)} (${formatInt(q.count)})`))
    }.`
  // Counted over the whole theme by aggregate: the draft lists only the clearest few proposals.
  // With sub-topics, the proposals the draft lists (merged, questions and complaints left out).
  const { distinct: distinctProposals, easy: fruitCount, statements: proposing } = plan?.counts ?? theme.proposals
  const rationale = [
    `${formatInt(theme.count)} af ${count(summary.statements, "udsagn", "udsagn")} (${formatShare(theme.share)}) handler om ${lower}.`,
    statements.length > 0 ? where : "",
    terms.length > 0 ? `Ord der går igen: ${listAnd(terms)}.` : "",
    proposing === 0
      ? "Ingen af udsagnene foreslår en konkret handling."
      : `${count(proposing, "udsagn foreslår", "udsagn foreslår")} noget konkret; ${
        proposing === 1
          ? fruitCount === 1 ? "det er enkelt at gå i gang med." : "det er ikke oplagt enkelt at gå i gang med."
          : fruitCount === 0
          ? "ingen af forslagene er oplagt enkle at gå i gang med."
          : fruitCount === proposing
          ? "alle er enkle at gå i gang med."
          : `${formatInt(fruitCount)} af dem ${fruitCount === 1 ? "er enkelt" : "er enkle"} at gå i gang med.`
      }`,
    plan !== undefined && plan.topics.length > 0
      ? `Forslagene er samlet under de emner i temaet, de handler om; forslag, som flere har stillet, står én gang med antallet af deltagere bag.`
      : actions.length > 0 && distinctProposals > actions.length
      ? `De ${formatInt(actions.length)} tydeligste forslag står nedenfor.`
      : ""
  ].filter((s) => s.length > 0).join(" ")

  return new Recommendation({
    theme: theme.theme,
    themeLabel: label,
    headline,
    rationale,
    statementCount: theme.count,
    share: theme.share,
    questions: questions.map((q) => q.question),
    quotes,
    actions,
    lowHangingFruit: actions.filter((a) => a.lowHangingFruit),
    statementIds: statements.map((s) => s.id),
    topics: plan?.topics ?? []
  })
}

const discussionPoints = (
  result: CategorizedResult,
  summary: Summary,
  recs: ReadonlyArray<Recommendation>
): ReadonlyArray<string> => {
  const points: Array<string> = []
  const language = languageOf(result)
  if (language.warning) {
    points.push(
      `Sprog: Svarene ser ikke ud til at være på dansk (kun ${formatShare(language.danishShare)} af de ord, der røber sproget, er danske). Temaerne og træfsikkerhedstallene gælder danske udsagn, så anbefalingerne i dette udkast hviler ikke på en pålidelig sortering. Læs udsagnene selv.`
    )
  }
  const ranked = recs.filter((r) => r.statementCount > 0)
  if (ranked.length > 0) {
    // The top two, but not one of several themes tied for a place; a tie at the top is named in full.
    const weighed = ranked.map((r) => ({ r, count: r.statementCount }))
    const leading = leadingQuestions(weighed)
    const named = leading.length > 0 ? leading : weighed.filter((w) => w.count === weighed[0]!.count)
    points.push(
      `Rækkefølge: Flest udsagn handlede om ${
        listAnd(named.map(({ r }) => `${r.themeLabel.toLocaleLowerCase("da")} (${formatShare(r.share)})`))
      }. Skal sundhedsrådene begynde dér, eller vejer andre hensyn tungere end antallet af udsagn?`
    )
  }
  const last = ranked[ranked.length - 1]
  // Only a theme that alone has the fewest; of two equal ones neither "fik færrest".
  const secondLast = ranked[ranked.length - 2]
  if (last && ranked.length > 2 && secondLast !== undefined && secondLast.statementCount > last.statementCount) {
    points.push(
      `${last.themeLabel} fik færrest udsagn (${formatInt(last.statementCount)}). Er det fordi temaet betyder mindre, eller fordi spørgsmålene ikke lagde op til det?`
    )
  }
  // A proposal can sit under several themes; the committee should hear of it once.
  const fruit = new Set(recs.flatMap((r) => r.lowHangingFruit.map((a) => a.statementIds[0] ?? a.text)))
  if (fruit.size > 0) {
    points.push(
      `Lavthængende frugter: ${count(fruit.size, "konkret forslag", "konkrete forslag")} kan afprøves uden store investeringer. Hvem skal eje dem, og hvornår skal udvalget høre om resultatet?`
    )
  }
  // Statements that carry more than one theme show where efforts overlap.
  const pairs = new Map<string, number>()
  for (const s of result.statements) {
    const themes = [...s.themes].sort()
    for (let i = 0; i < themes.length; i++) {
      for (let j = i + 1; j < themes.length; j++) {
        const key = `${themes[i]}|${themes[j]}`
        pairs.set(key, (pairs.get(key) ?? 0) + 1)
      }
    }
  }
  const top = [...pairs.entries()].sort((a, b) => b[1] - a[1])[0]
  if (top && top[1] > 1) {
    const [a, b] = top[0].split("|")
    const la = recs.find((r) => r.theme === a)?.themeLabel ?? a
    const lb = recs.find((r) => r.theme === b)?.themeLabel ?? b
    points.push(
      `Sammenhæng: ${formatInt(top[1])} udsagn handler både om ${quoted(la?.toLocaleLowerCase("da") ?? "")} og ${quoted(lb?.toLocaleLowerCase("da") ?? "")}. Skal de to indsatser tænkes sammen?`
    )
  }
  const other = otherTheme(summary)
  if (other && other.count > 0) {
    points.push(
      `${count(other.count, "udsagn", "udsagn")} (${formatShare(other.share)}) passer ikke i nogen af temaerne. De står i rapportens afsnit »Til gennemsyn« – rummer de noget, udvalget bør tage med?`
    )
  }
  const review = reviewStatements(result, summary).filter(uncertainPlacement)
  if (review.length > 0) {
    points.push(
      `Usikkerhed: ${count(review.length, "udsagn er", "udsagn er")} placeret med lav sikkerhed. Bør en medarbejder gennemgå dem, før tallene bruges udadtil?`
    )
  }
  return points
}

/** The draft recommendations, one per theme with statements, ordered by weight (count). */
export const buildRecommendations = (
  result: CategorizedResult,
  summary: Summary,
  topics: TopicsFile = buildTopics(result, summary.themes.map((t) => t.theme))
): RecommendationsDraft => {
  const plans = planThemes(result, summary, topics)
  const recs = [...mainThemes(summary)]
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((t) => recommendationFor(result, summary, t, plans.get(t.theme)))
  return new RecommendationsDraft({
    status: "UDKAST",
    event: eventLine(result),
    generatedFrom: `${result.ledger.source}: ${count(summary.statements, "udsagn", "udsagn")} fra ${
      count(summary.questions.length, "spørgsmål", "spørgsmål")
    }`,
    recommendations: recs,
    discussion: discussionPoints(result, summary, recs)
  })
}

/** A URL with a scheme, a `www.` address or a bare domain (`name.tld`, optional path). */
const BARE_LINK = /\b[a-z][a-z0-9+.-]*:\/\/\S+|\bwww\.\S+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}\b(?:\/\S*)?/giu

// CommonMark: a backslash makes any ASCII punctuation literal, so audience text cannot
// become links, HTML or headings when someone renders the file.
export const escapeMarkdown = (text: string): string =>
  oneLine(text)
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    // A leading marker would start a list, heading or quote.
    .replace(/^[-+#>=]/, (c) => `\\${c}`)
    // Renderers with autolinks (GitHub, markdown-it's linkify) make `https://…`, `www.…` and bare
    // domains like `borger.dk` links; an escaped `:` or `.` shows the same but splits the link.
    .replace(BARE_LINK, (url) => url.replace(/(?<!\\)[.:]/g, (c) => `\\${c}`))


const ids = (list: ReadonlyArray<StatementId>) => list.join(", ")

/** "foreslået af 6 deltagere: s0012, …", or the one id: who is behind a proposal. */
export const supportText = (a: Action): string =>
  a.statementIds.length > 1
    ? `foreslået af ${formatInt(a.statementIds.length)} deltagere: ${ids(a.statementIds)}`
    : ids(a.statementIds)

/** A sub-topic's recommendation in one line: its label, size and most proposed proposal. */
export const topicLead = (t: TopicRecommendation): string =>
  `${t.label} (${count(t.statementCount, "udsagn", "udsagn")}, ${count(t.supporters, "forslag", "forslag")})`

/** What the draft says under "Forslag til handlinger" when every listed action is a low-hanging fruit. */
export const noOtherActionsText = (r: Recommendation): string =>
  r.actions.length === 0
    ? "Ingen af udsagnene foreslår en konkret handling."
    : "Ingen forslag ud over de lavthængende frugter nedenfor."

export const recommendationsMarkdown = (draft: RecommendationsDraft, names: FileNames = namesOnDisk): string => {
  const out: Array<string> = []
  out.push("# UDKAST: Anbefalinger til sundhedsrådene", "")
  out.push(
    `**UDKAST** – dannet automatisk ud fra deltagernes udsagn. Administrationen skal gennemskrive teksten, før den bruges.`,
    ""
  )
  out.push(`- Konference: ${escapeMarkdown(draft.event)}`)
  out.push(`- Grundlag: ${escapeMarkdown(draft.generatedFrom)}`)
  out.push(`- Tallene i parentes som (s0012) er udsagnenes id'er; de står i ${names.statementsXlsx} og i rapporten.`, "")
  draft.recommendations.forEach((r, i) => {
    out.push(`## ${i + 1}. ${escapeMarkdown(r.themeLabel)}`, "")
    out.push(`**${escapeMarkdown(r.headline)}**`, "")
    out.push("### Begrundelse", "", escapeMarkdown(r.rationale), "")
    if (r.quotes.length > 0) {
      out.push("### Det sagde deltagerne", "")
      for (const q of r.quotes) {
        out.push(`> »${escapeMarkdown(q.text)}« (${q.statementId}, ${escapeMarkdown(q.question)})`, ">")
      }
      out.pop()
      out.push("")
    }
    if (r.topics.length > 0) {
      out.push("### Anbefalinger pr. emne", "")
      out.push("Deltagernes egne forslag, samlet pr. emne i temaet; mest foreslået først.", "")
      r.topics.forEach((t, j) => {
        out.push(`${j + 1}. **${escapeMarkdown(topicLead(t))}**`)
        for (const a of t.proposals) out.push(`   - ${escapeMarkdown(a.text)} (${supportText(a)})`)
      })
      out.push("")
    } else {
      const other = r.actions.filter((a) => !a.lowHangingFruit)
      out.push("### Forslag til handlinger", "")
      if (other.length === 0) out.push(noOtherActionsText(r))
      for (const a of other) out.push(`- ${escapeMarkdown(a.text)} (${supportText(a)})`)
      out.push("")
    }
    out.push("### Lavthængende frugter", "")
    if (r.lowHangingFruit.length === 0) out.push("Ingen af udsagnene peger på en enkel handling.")
    for (const a of r.lowHangingFruit) out.push(`- ${escapeMarkdown(a.text)} (${supportText(a)})`)
    out.push("")
  })
  out.push(...notesMarkdown(draft))
  out.push("## Til drøftelse i udvalget", "")
  for (const d of draft.discussion) out.push(`- ${escapeMarkdown(d)}`)
  out.push("")
  return out.join("\n")
}
