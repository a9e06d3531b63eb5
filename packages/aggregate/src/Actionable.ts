import { spellOutAeOeAa } from "@udsagn/danish/Normalize"
import { isKeyTermStopWord } from "@udsagn/danish/StopWords"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { ProposalCounts } from "@udsagn/domain/Summary"
import type { StatementId } from "@udsagn/domain/Statement"
import type { ThemeId } from "@udsagn/domain/Theme"
import { type Corpus, corpusOf, type StatementFacts } from "./Corpus.js"
import { hasTheme } from "./KeyTerms.js"
import { isComplaint, isQuestion } from "./ProposalKinds.js"

/** Phones and foreign keyboards write æ/ø/å as ae/oe/aa; match on one spelling. */
const fold = (text: string): string => spellOutAeOeAa(text.normalize("NFC").toLowerCase())

// Verbs a Danish proposal starts with, in the imperative and folded spelling.
const IMPERATIVES = [
  "afsaet", "afskaf", "aendr", "anerkend", "ansaet", "anvend", "brug", "del", "drop", "etabler", "find",
  "fjern", "fokuser", "forenkl", "forklar", "frigoer", "giv", "goer", "hjaelp", "hold", "husk", "implementer",
  "indfoer", "inddrag", "inviter", "invester", "involver", "lav", "lyt", "moed", "oeg", "opbyg", "opret",
  "prioriter", "ring", "saet", "saml", "samarbejd", "send", "skab", "skriv", "soerg", "spoerg", "start",
  "stoet", "stop", "styrk", "tag", "tal", "taenk", "tilbyd", "tilpas", "uddan", "udvikl", "undgaa",
  "understoet", "vis"
]
const SUBJECTS =
  "vi|man|i|de|du|kommunen|kommunerne|regionen|regionerne|sundhedsraadene|sundhedsraadet|personalet|" +
  "ledelsen|ledere|lederne|politikerne|laegerne|laegen|sygeplejerskerne|systemet|sygehuset|sygehusene|" +
  "hospitalet|hospitalerne|almen praksis|praksis|organisationen|sektorerne"
const COMPARATIVES =
  "mere|flere|bedre|mindre|faerre|stoerre|laengere|kortere|enklere|nemmere|simplere|tydeligere|klarere|" +
  "hurtigere|oeget|oegede|oege"

// Compiled once (they were compiled per statement). matchAll copies its regex, so one shared
// global regex is safe there; `exec` starts from lastIndex, reset before each use.
const COMPARATIVE = new RegExp(`\\b(?:${COMPARATIVES})\\s+([a-z0-9-]{3,})`, "g")
const IMPERATIVE = new RegExp(`(?:^|[.!?;:,\\n•*-]\\s*|\\bog\\s+)(${IMPERATIVES.join("|")})\\b(?!\\s+for\\b)`, "g")

interface Rule {
  readonly cue: string
  readonly weight: number
  readonly test: (folded: string) => string | undefined
}

const first = (re: RegExp) => (folded: string) => re.exec(folded)?.[0]

const RULES: ReadonlyArray<Rule> = [
  {
    // "vi skal …", "man bør …", "kommunen kunne …", "der skal være …"
    cue: "forslag med skal/bør/kunne",
    weight: 2,
    test: first(new RegExp(`\\b(?:${SUBJECTS})\\s+(?:skal|boer|burde|kunne|skulle|maa|ville kunne)\\b`))
  },
  {
    cue: "forslag med kan",
    weight: 1.5,
    test: first(new RegExp(`\\b(?:${SUBJECTS})\\s+kan\\s+(?!ikke\\b)`))
  },
  {
    // "det kunne være godt med …", "det ville hjælpe at …"
    cue: "ønske",
    weight: 2,
    test: first(/\bdet\s+(?:kunne|ville|vil|skal|maa)\s+(?:vaere|hjaelpe|give)\b/)
  },
  {
    // "mere tid til …", "flere tolke", "bedre breve" (not "mere end", "bedre og bedre")
    cue: "mere/flere/bedre …",
    weight: 2,
    test: (folded) => {
      for (const m of folded.matchAll(COMPARATIVE)) {
        const next = m[1]!
        // "ikke en bedre løsning" denies rather than proposes. Only the few characters before the
        // match are looked at: slicing the whole prefix per match was quadratic in a long answer.
        const negated = /(?:^|[^a-z0-9])ikke\s+(?:en\s+|et\s+)?$/.test(folded.slice(Math.max(0, m.index - 16), m.index))
        if (!negated && !isKeyTermStopWord(next) && !["end", "og", "at"].includes(next)) return m[0]
      }
      return undefined
    }
  },
  {
    // An imperative at the start of the statement or of a clause: "Inddrag pårørende".
    cue: "opfordring",
    weight: 2.5,
    test: (folded) => {
      IMPERATIVE.lastIndex = 0
      return IMPERATIVE.exec(folded)?.[1]
    }
  },
  {
    // "der skal være …", "der bør afsættes …" (not "hvad der skal ske")
    cue: "forslag med der skal/bør",
    weight: 2,
    test: first(/\bder\s+(?:skal|boer|burde|maa)\s+(?:vaere|[a-z]+es)\b/)
  },
  {
    cue: "behov",
    weight: 1.5,
    test: first(/\b(?:behov for|brug for|(?:vi|jeg) oensker|oensker os|oenske om|forslag|krav om|hvorfor ikke)\b/)
  },
  {
    // "tid til …", "fokus på …": a direction, often in a complaint ("manglende tid til …")
    cue: "retning",
    weight: 0.75,
    test: first(/\b(?:tid til|fokus paa|adgang til)\b/)
  },
  {
    cue: "vigtigt at",
    weight: 1.5,
    test: first(/\b(?:vigtigt|noedvendigt|afgoerende|en god ide|godt|fedt|rart)\s+(?:at|med)\s+[a-z]/)
  },
  { cue: "mangel", weight: 1, test: first(/\b(?:mangler|savner)\b/) },
  {
    // A concrete means named: less than a proposal, more than an opinion.
    cue: "konkret middel",
    weight: 0.5,
    test: first(
      /\b(?:kurs(?:us|er)\w*|uddannelse\w*|efteruddannelse\w*|netvaerk\w*|supervision|sparring|tolk\w*|animation\w*|video\w*|film\w*|pjece\w*|app\w*|guide\w*|tjekliste\w*|skabelon\w*|piktogram\w*|tegning\w*|billeder|brev\w*|teach-back|forloeb\w*)\b/
    )
  }
]

export interface ActionScore {
  readonly score: number
  /** The cues found and the text that triggered each, for showing why. */
  readonly cues: ReadonlyArray<{ readonly cue: string; readonly match: string }>
}

/**
 * How clearly a statement proposes something to do. 0 for opinions and praise; 1.5 or more
 * is a proposal. Questions from the audience ("Hvordan kan vi …?") are asked, not proposed.
 */
export const actionScore = (text: string): ActionScore => {
  const folded = fold(text)
  const cues: Array<{ cue: string; match: string }> = []
  let score = 0
  for (const rule of RULES) {
    const match = rule.test(folded)
    if (match === undefined) continue
    cues.push({ cue: rule.cue, match: match.trim() })
    score += rule.weight
  }
  // A masked e-mail or phone number means "contact me", a request to a person, not a proposal.
  if (/\[(?:e-mail|telefon|cpr)\]/.test(folded)) {
    cues.push({ cue: "kontaktoplysning", match: /\[(?:e-mail|telefon|cpr)\]/.exec(folded)![0] })
    score -= 2
  }
  const question = /\?\s*$/.test(folded) && /^(?:hvordan|hvorfor|hvad|hvem|hvornaar|hvilke|kan|er|har|skal|vil)\b/.test(folded)
  if (question && !/\bhvorfor ikke\b/.test(folded)) score -= 1.5
  return { score: Math.max(0, Math.min(5, score)), cues }
}

/** The score from which a statement counts as proposing an action. */
export const ACTION_THRESHOLD = 1.5

// A statement's proposal score, by the statement: aggregate's counts and the draft's proposals
// (Proposals.ts) ask for the same statements' scores.
const scores = new WeakMap<CategorizedStatement, number>()

/** `actionScore(s.text).score`, computed once per statement. */
export const statementActionScore = (s: CategorizedStatement): number => {
  let score = scores.get(s)
  if (score === undefined) {
    score = actionScore(s.text).score
    scores.set(s, score)
  }
  return score
}

/** A statement's proposal score, computed once per distinct text. */
const actionOf = (f: StatementFacts, s: CategorizedStatement): number => (f.action ??= statementActionScore(s))
const fruitOf = (f: StatementFacts, text: string): boolean => (f.fruit ??= isLowHangingFruit(text))

/**
 * Proposals of a theme from its statements (`inside`: indexes into the corpus): the best `n`
 * distinct ones (see `actionableStatements`) and the counts (see `proposalCounts`), in one pass.
 */
export const proposalsOf = (
  corpus: Corpus,
  statements: ReadonlyArray<CategorizedStatement>,
  inside: ReadonlyArray<number>,
  n = 10
): { readonly actionable: ReadonlyArray<StatementId>; readonly counts: ProposalCounts } => {
  // By norm id: how many said it (with upvotes), and whether it is listed yet.
  const echoes = new Float64Array(corpus.norms)
  for (const i of inside) echoes[corpus.facts[i]!.normId]! += 1 + (statements[i]!.upvotes ?? 0)
  const seen = new Uint8Array(corpus.norms)
  const ranked: Array<{ id: StatementId; rank: number }> = []
  let proposing = 0
  let easy = 0
  for (const i of inside) {
    const s = statements[i]!
    const f = corpus.facts[i]!
    const score = actionOf(f, s)
    if (score >= ACTION_THRESHOLD) {
      proposing++
      if (fruitOf(f, s.text)) easy++
    }
    if (s.duplicateOf !== undefined) continue
    if (seen[f.normId] === 1) continue
    seen[f.normId] = 1
    if (score < ACTION_THRESHOLD) continue
    const support = echoes[f.normId]!
    ranked.push({ id: s.id, rank: score + 0.5 * Math.log(support) + 0.5 * s.confidence })
  }
  // Stable sort: equal ranks keep input order.
  ranked.sort((x, y) => y.rank - x.rank)
  return {
    actionable: ranked.slice(0, n).map((r) => r.id),
    counts: new ProposalCounts({ statements: proposing, distinct: ranked.length, easy })
  }
}

const insideOf = (statements: ReadonlyArray<CategorizedStatement>, themeId: ThemeId): Array<number> => {
  const inside: Array<number> = []
  statements.forEach((s, i) => {
    if (hasTheme(s, themeId)) inside.push(i)
  })
  return inside
}

/**
 * A theme's statements that propose something concrete, best first: the strength of the
 * proposal, then support (upvotes and people who wrote the same), then confidence.
 * Duplicates are listed once; their voices add to the original's support.
 */
export const actionableStatements = (
  statements: ReadonlyArray<CategorizedStatement>,
  themeId: ThemeId,
  n = 10
): ReadonlyArray<StatementId> => proposalsOf(corpusOf(statements), statements, insideOf(statements, themeId), n).actionable

// Imperatives that open a low-hanging fruit ("Brug video", "Husk tolk"), as typed (not folded).
// Narrower than IMPERATIVES above (the proposal cues) on purpose: verbs of things one can simply start doing
// ("tjek", "fortsæt"), not of building something ("etabler", "implementer", "udvikl").
const FRUIT_VERBS = new Set([
  "afsæt", "ansæt", "brug", "del", "drop", "forenkl", "forklar", "fortsæt", "giv", "gør", "hav", "hjælp",
  "hold", "husk", "indfør", "inddrag", "inviter", "invitér", "lav", "lyt", "mød", "opret", "prioriter",
  "prioritér", "ring", "send", "skab", "skriv", "spørg", "start", "styrk", "sæt", "sørg", "tag", "tal",
  "tilbyd", "tjek", "tænk", "uddan", "undgå", "vis", "øg"
])

const FRUIT_COMPARATIVES = new Set(["mere", "flere", "bedre", "færre", "mindre", "kortere", "enklere", "nemmere", "tydeligere", "klarere"])

// Tools and small changes that need no new organisation or budget to try.
const FRUIT_TOOLS = [
  "tjekliste", "skabelon", "pjece", "folder", "brev", "breve", "sms", "video", "film", "animation",
  "billede", "piktogram", "tegning", "tolk", "teach-back", "teach back", "kontaktperson", "telefonnummer",
  "spørgeskema", "huskeliste", "kort", "korte", "enkle", "enkelt", "simple", "simpel", "letlæselig",
  "klart sprog", "klar tale", "spørg", "pårørende", "netværk", "sparring", "supervision", "pause"
]

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
// A tool named at the start of a word ("breve", "videoer", "tolkebistand"): one regex for all of
// them (one pass over the text; a regex per tool took 7 times as long).
const CONCRETE = new RegExp(`(?:^|[^\\p{L}])(?:${FRUIT_TOOLS.map(escapeRegExp).join("|")})`, "u")

/**
 * A low-hanging fruit: a short, concrete proposal, one that opens with an imperative or
 * names a simple tool (a letter, a video, an interpreter); never a question or a complaint
 * (`ProposalKinds.ts`). A heuristic, said so in the method section.
 */
export const isLowHangingFruit = (text: string): boolean => {
  // A question or a complaint names a tool ("Vi må ikke bruge animationer …") without proposing it.
  if (isQuestion(text) || isComplaint(text)) return false
  const words = text.trim().split(/\s+/u).filter((w) => w.length > 0)
  if (words.length === 0 || words.length > 20) return false
  const first = (words[0] ?? "").toLocaleLowerCase("da").replace(/[^\p{L}-]/gu, "")
  if (FRUIT_VERBS.has(first)) return true
  // "Mere tid til …", "Flere tolke", "Færre møder": more or less of something already done.
  if (FRUIT_COMPARATIVES.has(first) && words.length >= 2) return true
  const lower = text.toLocaleLowerCase("da")
  return CONCRETE.test(lower)
}

/**
 * A theme's proposals in figures, counted over all its statements (the draft lists only the
 * clearest few): every statement that proposes, the distinct proposals, and how many of the
 * proposing statements are low-hanging fruit.
 */
export const proposalCounts = (
  statements: ReadonlyArray<CategorizedStatement>,
  themeId: ThemeId
): ProposalCounts => proposalsOf(corpusOf(statements), statements, insideOf(statements, themeId), 0).counts
