import { CompoundSplitter, normalize } from "@udsagn/danish"
import { Theme, ThemeSet, WeightedTerm } from "@udsagn/domain/Theme"
import type { ThemeId } from "@udsagn/domain/Theme"
import { describe, expect, it } from "vitest"
import { Analyzer } from "../src/Analyzer.js"
import { compileLexicon, lexiconScores, matchLexiconDetailed } from "../src/Lexicon.js"
import { macroF1At, tuneThresholds } from "../src/Calibration.js"
import { rescale } from "../src/ThemeScorer.js"

const theme = (id: string, terms: Array<[string, number]>, exclusions: Array<string> = []) =>
  new Theme({
    id: id as ThemeId,
    label: id,
    description: "",
    terms: terms.map(([term, weight]) => new WeightedTerm({ term, weight })),
    exclusions,
    examples: []
  })

const set = new ThemeSet({
  name: "test",
  themes: [
    theme("visual", [["video", 1.3], ["animation", 1.5], ["billede", 1.3]], ["videokonsultation", "tolk på video"]),
    theme("staff", [["brænde", 0.6], ["brænder ud", 1.6], ["ikke tid nok", 1.4], ["støtte til personalet", 1.3], ["ildsjæl", 1.6]]),
    theme("literacy", [["sundhedskompetence", 1.6], ["tolk", 1.5]])
  ]
})
const lex = compileLexicon(set)
const analyzer = new Analyzer(new CompoundSplitter([...lex.vocabulary, "front", "personale", "film", "konsultation"].map(normalize)))
const run = (text: string) => {
  const tokens = analyzer.analyze(text)
  const { matches, excluded } = matchLexiconDetailed(lex, tokens)
  return {
    hits: matches.map((m) => `${m.theme}:${m.term}:${m.via}:${text.slice(tokens[m.first]!.start, tokens[m.last]!.end)}`),
    scores: lexiconScores(lex.themes, matches),
    excluded: [...excluded]
  }
}

describe("lexicon matching", () => {
  it("matches inflections, compounds, typos and ae/oe/aa spellings, quoting the text as typed", () => {
    expect(run("Flere VIDEOER").hits).toEqual(["visual:video:word:VIDEOER"])
    expect(run("animationsfilm til alle").hits).toEqual(["visual:animation:compound:animationsfilm"])
    expect(run("sundhedskompetance").hits).toEqual(["literacy:sundhedskompetence:typo:sundhedskompetance"])
    expect(run("ildsjaelene").hits).toEqual(["staff:ildsjæl:word:ildsjaelene"])
    // a long term stem at the start of an unknown compound
    expect(run("et billedkatalog").hits).toEqual(["visual:billede:compound:billedkatalog"])
  })

  it("phrases allow one extra word and count each word once (the heavier term wins)", () => {
    const r = run("Personalet brænder helt ud")
    expect(r.hits).toEqual(["staff:brænder ud:phrase:brænder helt ud"])
    expect(r.scores).toEqual([0, 1.6, 0])
    expect(run("vi har ikke tid nok").hits).toEqual(["staff:ikke tid nok:phrase:ikke tid nok"])
    // compound head inside a phrase
    expect(run("støtte til frontpersonalet").hits).toEqual(["staff:støtte til personalet:phrase:støtte til frontpersonalet"])
  })

  it("exclusions block the words they cover for their theme only", () => {
    const r = run("videokonsultationer")
    expect(r.hits).toEqual([])
    expect(r.excluded).toEqual(["visual"])
    const t = run("tolk på video og animationer")
    expect(t.hits.sort()).toEqual(["literacy:tolk:word:tolk", "visual:animation:word:animationer"])
    expect(t.excluded).toEqual(["visual"])
  })
})

describe("threshold calibration", () => {
  it("rescale puts the threshold at 0.5", () => {
    expect(rescale(0.3, 0.3)).toBe(0.5)
    expect(rescale(0, 0.3)).toBe(0)
    expect(rescale(1, 0.3)).toBe(1)
    expect(rescale(0.15, 0.3)).toBeCloseTo(0.25, 10)
  })

  it("macro-F1 at thresholds counts `other` as no theme cleared", () => {
    // theme a: p .9 gold yes, p .4 gold yes, p .2 gold no (other)
    const probs = [[0.9], [0.4], [0.2]]
    const gold = [[true], [true], [false]]
    // at 0.5: a tp1 fn1 → F1 2/3; other: predicted for rows 2,3, gold row 3 → tp1 fp1 → 2/3
    expect(macroF1At(probs, gold, [0.5])).toBeCloseTo(2 / 3, 10)
    // at 0.3: perfect
    expect(macroF1At(probs, gold, [0.3])).toBe(1)
  })

  it("finds a threshold between the classes, within the 0.2-0.8 bounds", () => {
    const probs = [[0.9], [0.35], [0.3], [0.1], [0.05]]
    const gold = [[true], [true], [true], [false], [false]]
    const [t] = tuneThresholds(probs, gold)
    expect(t).toBeGreaterThanOrEqual(0.2)
    expect(t).toBeLessThanOrEqual(0.3)
  })
})
