import { describe, expect, it } from "@effect/vitest"
import { CategorizedResult } from "@udsagn/domain/Analysis"
import { CategorizedStatement } from "@udsagn/domain/Categorization"
import type { StatementId } from "@udsagn/domain/Statement"
import { OTHER, type ThemeId, ThemeSet } from "@udsagn/domain/Theme"
import { Schema } from "effect"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import {
  ACTION_THRESHOLD,
  actionableStatements,
  actionScore,
  aggregate,
  isLowHangingFruit,
  keyTerms,
  OKABE_ITO,
  OTHER_COLOR,
  representativeStatements
} from "../src/Aggregate.js"
import { stem } from "@udsagn/danish/Stem"
import { corpusOf } from "../src/Corpus.js"
import { topicCorpus } from "../src/TopicWords.js"

// A hand-written analysis: 43 statements in 4 questions, hand-coded, with duplicates,
// multi-label statements, low-confidence ones and two closed questions.
const fixturePath = fileURLToPath(new URL("./fixtures/small-result.json", import.meta.url))
const load = (): CategorizedResult =>
  Schema.decodeUnknownSync(CategorizedResult)(JSON.parse(readFileSync(fixturePath, "utf8")))

const result = load()
const summary = aggregate(result)
const byId = new Map(result.statements.map((s) => [s.id as string, s]))
const theme = (id: string) => summary.themes.find((t) => t.theme === id)!
const HL = "health-literacy" as ThemeId
const PI = "patient-involvement" as ThemeId
const VC = "visual-communication" as ThemeId
const SB = "staff-burnout" as ThemeId
const ids = (xs: ReadonlyArray<StatementId>) => xs.map((x) => x as string)

/** A categorized statement built from just what a test cares about. */
const statementOf = (id: string, text: string, themes: ReadonlyArray<string> = [HL], confidence = 0.9) =>
  Schema.decodeUnknownSync(CategorizedStatement)({
    id,
    question: "Q",
    questionType: "open",
    source: { sheet: "Voters", row: 1, column: 1 },
    rawText: text,
    text,
    themes,
    scores: {},
    evidence: [],
    confidence,
    needsReview: false
  })

describe("aggregate", () => {
  it("counts statements per theme, multi-label statements under each of their themes", () => {
    expect(summary.statements).toBe(43)
    expect(summary.distinctStatements).toBe(41) // s014 and s035 repeat earlier texts
    const counts = Object.fromEntries(summary.themes.map((t) => [t.theme, t.count]))
    expect(counts).toEqual({ [HL]: 15, [PI]: 10, [VC]: 8, [SB]: 7, other: 7 })
    // and the same when recounted straight from the statements
    for (const t of summary.themes) {
      expect(t.count).toBe(result.statements.filter((s) => s.themes.includes(t.theme)).length)
    }
  })

  it("orders themes by count with other last, labelled from the theme file", () => {
    expect(summary.themes.map((t) => t.label)).toEqual([
      "Sundhedskompetence",
      "Patientinvolvering",
      "Visuel kommunikation",
      "Medarbejdertrivsel og ildsjæle",
      "Andet"
    ])
    // SB and other tie at 7: other still goes last
    expect(summary.themes.at(-1)!.theme).toBe(OTHER)
    const renamed = aggregate(
      new CategorizedResult({ ...result, themeSet: new ThemeSet({ ...result.themeSet, otherLabel: "Øvrige" }) })
    )
    expect(renamed.themes.at(-1)!.label).toBe("Øvrige")
  })

  it("gives shares of kept statements, which can sum to more than 100 % (multi-label)", () => {
    expect(theme(HL).share).toBeCloseTo(15 / 43, 10)
    expect(theme(OTHER).share).toBeCloseTo(7 / 43, 10)
    const sum = summary.themes.reduce((a, t) => a + t.share, 0)
    expect(sum).toBeGreaterThan(1)
  })

  it("uses each theme's own colour, else a fixed Okabe-Ito colour by file position, grey for other", () => {
    expect(theme(PI).color).toBe("#0072B2")
    expect(theme(VC).color).toBe("#E69F00")
    expect(theme(SB).color).toBe(OKABE_ITO[2]) // third theme in the file, no colour of its own
    expect(theme(HL).color).toBe(OKABE_ITO[3])
    expect(theme(OTHER).color).toBe(OTHER_COLOR)
    expect(new Set(summary.themes.map((t) => t.color)).size).toBe(5)
  })

  it("counts questions and fills the theme × question matrix", () => {
    expect(summary.questions.map((q) => [q.type, q.count])).toEqual([
      ["open", 20],
      ["open", 10],
      ["wordcloud", 8],
      ["qa", 5]
    ])
    expect(summary.matrix).toHaveLength(5 * 4)
    for (const t of summary.themes) {
      const row = summary.matrix.filter((c) => c.theme === t.theme)
      expect(row.map((c) => c.question)).toEqual(summary.questions.map((q) => q.title))
      expect(row.reduce((a, c) => a + c.count, 0)).toBe(t.count)
    }
    const cell = (th: string, qi: number) =>
      summary.matrix.find((c) => c.theme === th && c.question === summary.questions[qi]!.title)!.count
    expect(cell(HL, 0)).toBe(9)
    expect(cell(HL, 2)).toBe(3)
    expect(cell(SB, 3)).toBe(1)
    expect(cell(OTHER, 3)).toBe(2)
  })

  it("lists statements for review, least sure first", () => {
    expect(ids(summary.needsReview)).toEqual(["s043", "s037", "s042", "s026"])
  })

  it("is deterministic", () => {
    expect(JSON.stringify(aggregate(load()))).toBe(JSON.stringify(summary))
  })

  it("copes with an analysis without statements", () => {
    const empty = aggregate(new CategorizedResult({ ...result, statements: [] }))
    expect(empty.themes.every((t) => t.count === 0 && t.share === 0)).toBe(true)
    expect(empty.themes.at(-1)!.theme).toBe(OTHER)
    expect(empty.needsReview).toEqual([])
  })
})

describe("keyTerms", () => {
  it("finds the words that set a theme apart, as people wrote them", () => {
    const hl = theme(HL).keyTerms.map((k) => k.term)
    expect(hl).toContain("klart sprog")
    expect(hl).toContain("fagsprog")
    expect(theme(VC).keyTerms[0]!.term).toBe("animationer")
    expect(theme(SB).keyTerms.map((k) => k.term)).toContain("ildsjæle") // not the stem "ildsjæl"
    expect(stem("ildsjæle")).not.toBe("ildsjæle")
  })

  it("shows surface forms from the theme's statements, no stop words, scores descending", () => {
    for (const t of summary.themes) {
      const texts = result.statements.filter((s) => s.themes.includes(t.theme)).map((s) => s.text.toLowerCase())
      for (const k of t.keyTerms) {
        expect(texts.some((x) => x.includes(k.term.toLowerCase()))).toBe(true)
        expect(["og", "i", "at", "det", "der", "til", "vi", "skal", "en"]).not.toContain(k.term)
        expect(k.statements).toBeGreaterThan(0)
      }
      const scores = t.keyTerms.map((k) => k.score)
      expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    }
  })

  it("counts the statements that use a term", () => {
    const klart = theme(HL).keyTerms.find((k) => k.term === "klart sprog")!
    expect(klart.statements).toBe(
      result.statements.filter((s) => s.themes.includes(HL) && /klart sprog/i.test(s.text)).length
    )
  })

  it("ranks a term the theme owns above one used everywhere", () => {
    const terms = keyTerms(result.statements, HL, result.themeSet, 50).map((k) => k.term)
    // "borgerne" occurs in several themes; "fagsprog" only in health literacy
    const owned = terms.indexOf("fagsprog")
    const shared = terms.indexOf("borgerne")
    expect(owned).toBeGreaterThanOrEqual(0)
    expect(shared === -1 || shared > owned).toBe(true)
  })

  it("returns nothing for a theme that is not in the theme set", () => {
    expect(keyTerms(result.statements, "no-such-theme" as ThemeId, result.themeSet)).toEqual([])
  })

  it("groups phone spellings (ae/oe/aa) with the Danish word and shows the Danish spelling", () => {
    const texts = ["tolken forstaa ikke", "forstaa brevet", "svært at forstå", "tolken hjalp"]
    const statements = [
      ...texts.map((text, i) => statementOf(`k${i}`, text)),
      ...["ventetid", "parkering"].map((text, i) => statementOf(`o${i}`, text, [OTHER]))
    ]
    const terms = keyTerms(statements, HL, result.themeSet, 10)
    expect(terms.find((k) => k.term === "forstå")?.statements).toBe(3)
    expect(terms.some((k) => k.term === "forstaa")).toBe(false)
  })
})

describe("representativeStatements", () => {
  it("picks 3-5 of the theme's statements, not simply the first ones", () => {
    for (const t of summary.themes) {
      const mine = result.statements.filter((s) => s.themes.includes(t.theme)).map((s) => s.id as string)
      expect(t.representative.length).toBeGreaterThanOrEqual(3)
      expect(t.representative.length).toBeLessThanOrEqual(5)
      for (const id of t.representative) expect(mine).toContain(id)
    }
    const hl = ids(theme(HL).representative)
    const firstHl = result.statements.filter((s) => s.themes.includes(HL)).map((s) => s.id as string)
    expect(hl).not.toEqual(firstHl.slice(0, hl.length))
  })

  it("never quotes a duplicate, a repeated text or (when avoidable) a statement flagged for review", () => {
    const all = summary.themes.flatMap((t) => ids(t.representative))
    expect(all).not.toContain("s014")
    expect(all).not.toContain("s035")
    expect(ids(theme(PI).representative)).not.toContain("s037")
    for (const t of summary.themes) {
      const texts = t.representative.map((id) => byId.get(id)!.text)
      expect(new Set(texts).size).toBe(texts.length)
    }
  })

  it("prefers a statement over a question to the panel, and avoids masked contact details", () => {
    const mk = (id: string, text: string) => statementOf(id, text)
    const statements = [
      mk("q1", "Hvordan skriver vi breve i et klart sprog til borgerne?"),
      mk("c1", "Skriv til [e-mail] om breve i et klart sprog til borgerne"),
      mk("s1", "Breve i et klart sprog hjælper borgerne meget"),
      mk("x1", "Tolke på alle afdelinger")
    ]
    expect(ids(representativeStatements(statements, HL, 1))).toEqual(["s1"])
  })

  it("does not prefer a statement because a person corrected it, nor hold it back", () => {
    const base = [
      statementOf("a", "Breve i et klart sprog hjælper borgerne meget", [HL], 0.6),
      statementOf("b", "Borgerne forstår ikke brevene fra hospitalet", [HL], 0.6),
      statementOf("c", "Tolke og klart sprog i alle indkaldelser", [HL], 0.6)
    ]
    const plain = ids(representativeStatements(base, HL, 3))
    // The same statement corrected by a person, whatever confidence it carries, ranks where it
    // would with the pool's usual confidence.
    for (const confidence of [1, 0.05]) {
      const corrected = base.map((s) =>
        s.id === plain[2] ? new CategorizedStatement({ ...s, confidence, overridden: true }, true) : s
      )
      expect(ids(representativeStatements(corrected, HL, 3))).toEqual(plain)
    }
  })

  it("prefers a readable sentence over a one-word answer", () => {
    const hl = ids(theme(HL).representative)
    // "Klart sprog" and "Tolk" are on theme but make poor quotes
    expect(hl.slice(0, 3)).not.toContain("s031")
    expect(hl.slice(0, 3)).not.toContain("s038")
  })

  it("keeps near-identical statements from crowding out the rest (MMR)", () => {
    const mk = (id: string, text: string, confidence: number) => statementOf(id, text, [HL], confidence)
    const statements = [
      mk("a1", "Skriv breve i et klart og enkelt sprog til borgerne", 0.9),
      mk("a2", "Skriv brevene i et klart og enkelt sprog til borgerne tak", 0.9),
      mk("a3", "Skriv breve i klart og enkelt sprog til alle borgerne", 0.9),
      mk("a4", "Klart og enkelt sprog i breve til borgerne", 0.9),
      mk("b1", "Tolke skal være let tilgængelige på alle afdelinger", 0.8),
      mk("c1", "Tjek at patienten har forstået beskeden med teach-back", 0.8)
    ]
    const picked = representativeStatements(statements, HL, 3)
    expect(picked).toHaveLength(3)
    expect(ids(picked).filter((id) => id.startsWith("a")).length).toBeLessThanOrEqual(2)
    // with no diversity term, the near-identical ones win
    const plain = representativeStatements(statements, HL, 3, 1)
    expect(ids(plain).filter((id) => id.startsWith("a")).length).toBe(3)
  })
})

describe("actionableStatements", () => {
  it("finds concrete proposals and leaves opinions, observations and questions out", () => {
    const hl = ids(theme(HL).actionable)
    for (const id of ["s003", "s013", "s007", "s011", "s002"]) expect(hl).toContain(id)
    for (const id of ["s015", "s022", "s031", "s041", "s014"]) expect(hl).not.toContain(id)
    const pi = ids(theme(PI).actionable)
    for (const id of ["s001", "s004", "s005", "s012", "s019"]) expect(pi).toContain(id)
    for (const id of ["s021", "s027", "s034", "s039"]) expect(pi).not.toContain(id)
    const sb = ids(theme(SB).actionable)
    for (const id of ["s010", "s028"]) expect(sb).toContain(id)
    for (const id of ["s006", "s020", "s033"]) expect(sb).not.toContain(id)
  })

  it("carries each theme's low-hanging fruit and proposal counts, so the report need not re-score", () => {
    for (const t of [theme(HL), theme(PI), theme(SB)]) {
      for (const id of t.lowHangingFruit) expect(t.actionable).toContain(id)
      expect(t.proposals.distinct).toBeGreaterThanOrEqual(t.actionable.length)
      expect(t.proposals.statements).toBeGreaterThanOrEqual(t.proposals.distinct)
      expect(t.proposals.easy).toBeLessThanOrEqual(t.proposals.statements)
    }
    expect(ids(theme(HL).lowHangingFruit)).toContain("s013")
  })

  it("takes a proposal that names a simple tool at the start of a word for low-hanging fruit", () => {
    const tools = [
      "tjekliste", "skabelon", "pjece", "folder", "brev", "breve", "sms", "video", "film", "animation",
      "billede", "piktogram", "tegning", "tolk", "teach-back", "teach back", "kontaktperson", "telefonnummer",
      "spørgeskema", "huskeliste", "kort", "korte", "enkle", "enkelt", "simple", "simpel", "letlæselig",
      "klart sprog", "klar tale", "spørg", "pårørende", "netværk", "sparring", "supervision", "pause"
    ]
    const said = (words: string) => `Det ville hjælpe med ${words} til borgerne`
    for (const tool of tools) {
      expect(isLowHangingFruit(said(tool)), tool).toBe(true)
      expect(isLowHangingFruit(said(tool.toUpperCase())), `${tool} in capitals`).toBe(true)
      // The start of a compound, or after a sign: still the tool.
      expect(isLowHangingFruit(said(`${tool}hjælp`)), `${tool}hjælp`).toBe(true)
      expect(isLowHangingFruit(`(${tool}) til borgerne`), `(${tool})`).toBe(true)
      // Inside a word it is another word.
      expect(isLowHangingFruit(said(`x${tool}`)), `x${tool}`).toBe(false)
    }
    expect(isLowHangingFruit(said("møder"))).toBe(false)
    // A question or a complaint that names a tool proposes nothing.
    expect(isLowHangingFruit("Hvorfor har vi ingen tolk?")).toBe(false)
    expect(isLowHangingFruit("Vi må ikke bruge animationer")).toBe(false)
  })

  it("ranks a clear imperative above a modest wish", () => {
    const sb = ids(actionableStatements(result.statements, SB))
    expect(sb.indexOf("s028")).toBeLessThan(sb.indexOf("s025"))
  })

  it("scores Danish proposal patterns, also typed without æøå", () => {
    const yes = [
      "Vi bør ansætte flere tolke",
      "Vi boer lave kortere breve",
      "Indfør faste netværksmøder for sygeplejersker",
      "Man kunne sende en video før indkaldelsen",
      "Der skal være tid til de pårørende",
      "Mere fokus på den enkelte borger",
      "Brug billeder i stedet for tekst, og spørg ind til forståelsen"
    ]
    const no = [
      "Spændende dag",
      "Det er ikke en bedre løsning",
      "Hvordan kan vi få mere tid?",
      "Personalet er pressede",
      "Animationer",
      "Vi har brugt video i et år",
      "Skriv til mig: [e-mail] - vi har gode erfaringer med korte breve", // contact request
      "Korte film kan vise patienten, hvad der skal ske", // "der skal" without a proposal
      "At ingen har tid til at lave videoer" // a complaint
    ]
    for (const text of yes) expect(actionScore(text).score, text).toBeGreaterThanOrEqual(ACTION_THRESHOLD)
    for (const text of no) expect(actionScore(text).score, text).toBeLessThan(ACTION_THRESHOLD)
    expect(actionScore("Inddrag de pårørende").cues.map((c) => c.match)).toContain("inddrag")
  })
})

describe("corpusOf and topicCorpus for the next list with the same words", () => {
  it("reuse what they built when only themes changed, and build anew when a text changed", () => {
    const base = load()
    const corpus = corpusOf(base.statements)
    const words = topicCorpus(base.statements, base.themeSet)
    // A saved correction: the same statements with other themes, in a new list.
    const corrected = base.statements.map((s, i) => (i === 0 ? new CategorizedStatement({ ...s, themes: ["staff-burnout" as ThemeId] }, true) : s))
    expect(corpusOf(corrected)).toBe(corpus)
    expect(topicCorpus(corrected, base.themeSet)).toBe(words)
    // Another theme set, or a reviewer's rewording: counted anew, from the new words.
    expect(topicCorpus([...corrected], load().themeSet)).not.toBe(words)
    const reworded = corrected.map((s, i) => (i === 0 ? new CategorizedStatement({ ...s, text: "Flere tolke og bedre tid til samtalen" }, true) : s))
    const rebuilt = corpusOf(reworded)
    expect(rebuilt).not.toBe(corpus)
    expect(rebuilt.facts[0]!.norm).toBe("flere tolke og bedre tid til samtalen")
    expect(rebuilt.facts.map((f) => f.norm).slice(1)).toEqual(corpus.facts.map((f) => f.norm).slice(1))
  })
})
