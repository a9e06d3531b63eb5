import { describe, expect, it } from "@effect/vitest"
import { CategorizedResult } from "@udsagn/domain/Analysis"
import { CategorizedStatement } from "@udsagn/domain/Categorization"
import { ThemeSet } from "@udsagn/domain/Theme"
import { Schema } from "effect"
import { buildTopics, clearestFirst, isComplaint, isQuestion, isSmallTalk, mergedProposals, topicCorpus } from "../src/index.js"

// Sub-topics, candidate themes, clean quotes and merged proposals on hand-written statements.

const HL = "health-literacy"
const themeSet = Schema.decodeUnknownSync(ThemeSet)({
  name: "test",
  themes: [
    { id: HL, label: "Sundhedskompetence", description: "", terms: [{ term: "tolk", weight: 1 }, { term: "brev", weight: 1 }], exclusions: [], examples: [] },
    { id: "staff-burnout", label: "Trivsel", description: "", terms: [{ term: "trivsel", weight: 1 }], exclusions: [], examples: [] }
  ]
})

let n = 0
const statementOf = (text: string, themes: ReadonlyArray<string> = [HL], question = "Hvad kan vi gøre?") =>
  Schema.decodeUnknownSync(CategorizedStatement)({
    id: `s${String(++n).padStart(4, "0")}`,
    question,
    questionType: "open",
    source: { sheet: "Voters", row: n, column: 1 },
    rawText: text,
    text,
    themes,
    scores: {},
    evidence: [],
    confidence: 0.9,
    needsReview: false
  })

const interpreters = [
  "Flere tolke",
  "Tolk bestilt på forhånd ved første besøg",
  "Tolkebistand over telefon",
  "En fast tolk til de samme borgere",
  "Hav tolk med til samtalen",
  "Flere tolke"
]
const letters = [
  "Skriv breve i hverdagssprog",
  "Korte breve med en tydelig overskrift",
  "Letlæste breve",
  "Brevskabeloner for hele regionen",
  "Skriv breve i hverdagssprog"
]
const relatives = ["Pårørende med til samtalen", "At paaroerende ikke bliver inddraget", "Pårørende er en ressource"]
const misc = ["Undgå latin", "Mere nærvær", "Drop fagsproget!"]

// Only the statements and the theme file are read by the topics.
const resultOf = (statements: ReadonlyArray<CategorizedStatement>): CategorizedResult =>
  ({ themeSet, statements }) as Pick<CategorizedResult, "themeSet" | "statements"> as CategorizedResult

describe("sub-topics", () => {
  const statements = [...interpreters, ...letters, ...relatives, ...misc].map((t) => statementOf(t))
  const result = resultOf(statements)
  const file = buildTopics(result)
  const topics = file.themes.find((t) => t.theme === HL)!.topics
  const textOf = new Map(statements.map((s) => [s.id as string, s.text]))
  const texts = (label: string) => topics.find((t) => t.label === label)?.statements.map((id) => textOf.get(id)) ?? []

  it("groups by shared stems, compound parts and phone spellings, each statement once", () => {
    expect(topics.map((t) => t.label)).toEqual(["Tolk", "Breve", "Pårørende", "Øvrige"])
    // "Tolkebistand" joins "tolk" by its first part, "Brevskabeloner" joins "breve".
    expect(texts("Tolk")).toEqual(expect.arrayContaining(interpreters))
    expect(texts("Breve")).toContain("Brevskabeloner for hele regionen")
    // "paaroerende" (typed without æøå) is the same word as "pårørende".
    expect(texts("Pårørende")).toContain("At paaroerende ikke bliver inddraget")
    const all = topics.flatMap((t) => t.statements)
    expect(new Set(all).size).toBe(all.length)
    expect(all.length).toBe(statements.length)
  })

  it("is deterministic: the same statements give the same topics", () => {
    expect(buildTopics(resultOf(statements))).toEqual(file)
  })

  it("lists a group's clearest statement first, the phone spelling last", () => {
    expect(texts("Pårørende").at(-1)).toBe("At paaroerende ikke bliver inddraget")
  })

  it("names a group that mostly says a verb by the verb's own noun, and a plural noun as it is", () => {
    // Most say "forstår"/"forstå"; a few write the noun, "forståelse", and two misspell it
    // "forstaelse" (å typed as a): a word of its own that starts the same, not the group's name.
    const understanding = [
      "Patienten forstår ikke brevet",
      "Mange forstår ikke lægens ord",
      "Borgeren skal kunne forstå beskeden",
      "Sikre at alle forstår planen",
      "Ingen forstår de lange breve",
      "Spørg om borgeren forstår det",
      "Personalet forstår ikke altid borgerens sprog",
      "Svært at forstå medicinlisten",
      "Forståelse for den enkeltes situation",
      "Tjek om patienten har forstået det",
      "Mere forståelse hos personalet",
      "Forstaelse af egen sygdom",
      "Bedre forstaelse af behandlingen"
    ]
    const all = [...understanding, ...interpreters, ...letters].map((t) => statementOf(t))
    const own = buildTopics(resultOf(all)).themes.find((t) => t.theme === HL)!.topics
    expect(own.find((t) => t.terms[0] === "forstår")?.label).toBe("Forståelse")
    // "kompetencer" is a noun already (a plural, as "ioner" and "ninger" are): it stays.
    const skills = [
      "Flere kompetencer i teamet",
      "Kompetencer til at tale med borgerne",
      "Vi mangler kompetencer",
      "Kompetencer inden for sundhedskompetence",
      "Nye kompetencer hos lederne",
      "Kompetence er vigtig",
      "Kompetence skal styrkes"
    ]
    const withSkills = [...skills, ...interpreters, ...letters].map((t) => statementOf(t))
    const labels = buildTopics(resultOf(withSkills)).themes.find((t) => t.theme === HL)!.topics.map((t) => t.label)
    expect(labels.some((l) => l.startsWith("Kompetencer"))).toBe(true)
  })

  it("does not split a theme of fewer than six statements", () => {
    const small = buildTopics(resultOf(letters.map((t) => statementOf(t))))
    const mine = small.themes.find((t) => t.theme === HL)!.topics
    expect(mine.map((t) => t.label)).toEqual(["Øvrige"])
  })
})

describe("sub-topics with a theme's words that mean the same", () => {
  const SB = "staff-burnout"
  const withSets = Schema.decodeUnknownSync(ThemeSet)({
    name: "test",
    themes: [
      {
        id: SB,
        label: "Medarbejdertrivsel og ildsjæle",
        terms: ["travlhed", "supervision"],
        synonyms: [
          ["tidspres", "tid", "travlhed", "for travlt", "arbejdspres"],
          ["støtte", "supervision", "sparring", "opbakning"]
        ]
      },
      // Another theme's set ("tid" as time for the patient) says nothing inside this one.
      { id: "patient-involvement", label: "Patientinvolvering", terms: ["nærvær"], synonyms: [["nærvær", "tid", "ro"]] }
    ]
  })
  const pressure = [
    "Tidspres i hverdagen",
    "Travlhed på alle afdelinger",
    "Vi har alt for travlt",
    "Arbejdspresset er for stort",
    "Mere tid til kerneopgaven",
    "Tid til at tale med kollegerne"
  ]
  const support = ["Supervision til alle", "Sparring med en erfaren kollega", "Opbakning fra ledelsen", "Støtte til de frivillige"]
  const statements = [...pressure, ...support, "Ildsjæle brænder ud", "Arbejdsglæde"].map((t) => statementOf(t, [SB]))
  const file = buildTopics({ themeSet: withSets, statements } as Pick<CategorizedResult, "themeSet" | "statements"> as CategorizedResult)
  const topics = file.themes.find((t) => t.theme === SB)!.topics
  const textOf = new Map(statements.map((s) => [s.id as string, s.text]))
  const texts = (label: string) => topics.find((t) => t.label === label)?.statements.map((id) => textOf.get(id)).sort()

  it("groups statements that share no word but use one set, named by the set's first word when no word is used by half", () => {
    // "arbejdspresset" meets "arbejdspres" inside the compound; "for travlt" is a phrase of the set.
    expect(texts("Tidspres")).toEqual([...pressure].sort())
    expect(texts("Støtte")).toEqual([...support].sort())
    expect(topics.map((t) => t.label)).toEqual(["Tidspres", "Støtte", "Øvrige"])
    // Its terms are the ways the statements wrote the set, most used first.
    expect(topics.find((t) => t.label === "Tidspres")!.terms.slice(0, 3)).toEqual(["tid", "arbejdspresset", "for travlt"])
  })

  it("names a group by the set's word most of its statements use, as the theme file writes it", () => {
    const timely = ["Mere tid", "Tid til patienten", "Tidspres", "Ingen tid"]
    const more = [...timely, ...support].map((t) => statementOf(t, [SB]))
    const own = buildTopics({ themeSet: withSets, statements: more } as Pick<CategorizedResult, "themeSet" | "statements"> as CategorizedResult)
    expect(own.themes.find((t) => t.theme === SB)!.topics.map((t) => t.label)).toEqual(["Støtte", "Tid"])
  })

  it("keeps the set's word as the label: a longer word of the group that starts the same is not its name", () => {
    const VC = "visual-communication"
    const visual = Schema.decodeUnknownSync(ThemeSet)({
      name: "test",
      themes: [{ id: VC, label: "Visuel kommunikation", terms: ["video"], synonyms: [["videoer", "video", "film"]] }]
    })
    // Most say "video"; many of them also name video consultations, which is not what they share.
    const videos = [
      "Video om operationen",
      "En video før videokonsultationen",
      "Video til børn og en videokonsultation",
      "Korte video til pårørende, ikke kun videokonsultation",
      "Video på hjemmesiden og videokonsultation",
      "Film om forløbet"
    ]
    const other = [
      "Tegninger i brevene",
      "Piktogrammer på skiltene",
      "Billeder i pjecen",
      "Flere tegninger",
      "Piktogrammer til alle",
      "Billeder af afdelingen",
      "Animationer om medicin",
      "Infografik i stedet for tekst"
    ]
    const all = [...videos, ...other].map((t) => statementOf(t, [VC]))
    const own = buildTopics({ themeSet: visual, statements: all } as Pick<CategorizedResult, "themeSet" | "statements"> as CategorizedResult)
    const group = own.themes.find((t) => t.theme === VC)!.topics.find((t) => t.statements.length === videos.length)
    expect(group?.label).toBe("Videoer")
  })

  it("does not cut a word in the wrong place where a misspelt word matches it", () => {
    // "borgeer" and "forstaelse" (twice each) are words someone wrote: their keys "borge" and
    // "forsta" start "borgeren" and "forståelse" (key "forstaa"), which are not made of them.
    const texts = [
      "Spørg borgeren hvad der er vigtigt",
      "Lyt til borgerne",
      "Borgeren skal have tid",
      "Tag borgerne med i planen",
      "Hvad vil borgeer selv",
      "Inddrag borgeer tidligt",
      "Borgerne kender deres liv",
      "Borgeren ved bedst",
      "Forståelse tager tid",
      "Forstaelse af egen sygdom",
      "Bedre forstaelse af behandlingen",
      "Mere forståelse hos personalet"
    ]
    const own = texts.map((t) => statementOf(t, [SB]))
    const corpus = topicCorpus(own, withSets)
    const keys = (i: number) => Array.from(corpus.byId.get(own[i]!.id)!.ids, (k) => corpus.keyText[k]!)
    expect(keys(4)).toContain("borge")
    for (const i of [0, 1, 2, 3, 6, 7]) expect(keys(i)).not.toContain("borge")
    expect(keys(9)).toContain("forsta")
    for (const i of [8, 11]) expect(keys(i)).not.toContain("forsta")
    // A compound's first part is still found, a word's own stem with an ending ("tegning": "tegn").
    const drawn = [statementOf("Tegn en tegning", [SB]), statementOf("Tegninger hjælper", [SB]), statementOf("Tegn det", [SB])]
    const drawing = topicCorpus(drawn, withSets)
    expect(Array.from(drawing.byId.get(drawn[1]!.id)!.ids, (k) => drawing.keyText[k]!)).toContain("tegn")
    const file = buildTopics({ themeSet: withSets, statements: own } as Pick<CategorizedResult, "themeSet" | "statements"> as CategorizedResult)
    expect(file.themes.flatMap((t) => t.topics.map((x) => x.label))).not.toContain("Borgeer")
  })

  it("meets an irregular past form with its verb: 'spurgt' is 'spørge'", () => {
    const corpus = topicCorpus(statements, withSets)
    const asked = [statementOf("Borgerne bliver ikke spurgt"), statementOf("Spørg borgeren")]
    const words = topicCorpus(asked, withSets)
    const keys = (s: (typeof asked)[number]) => Array.from(words.byId.get(s.id)!.ids, (k) => words.keyText[k]!)
    expect(keys(asked[0]!)).toEqual(expect.arrayContaining(keys(asked[1]!).filter((k) => k.startsWith("sp"))))
    expect(corpus.synonymKeys.get(SB)!.size).toBe(2)
  })
})

describe("candidate themes", () => {
  it("offers statements without a theme that share words, not thanks or praise", () => {
    const sector = [
      "Bedre samarbejde mellem sektorerne",
      "Fælles journal på tværs af sektorer",
      "Sektorovergangene er det svageste led",
      "Sektorerne skal dele data",
      "Ansvaret mellem sektorerne er uklart",
      "Faste kontaktpunkter mellem sektorerne"
    ]
    const chat = ["Tak for i dag", "Super inspirerende dag", "Tusind tak for en god konference", "Godt oplæg om sektorerne"]
    const statements = [...sector, ...chat, "Budgetterne", "Lovgivning og GDPR"].map((t) => statementOf(t, ["other"]))
    const result = resultOf(statements)
    const { candidates } = buildTopics(result)
    expect(candidates).toHaveLength(1)
    const textOf = new Map(statements.map((s) => [s.id as string, s.text]))
    expect(candidates[0]!.label.toLowerCase()).toContain("sektor")
    expect(candidates[0]!.statements.map((id) => textOf.get(id)).sort()).toEqual([...sector].sort())
    expect(isSmallTalk("Godt oplæg om sektorerne", 3)).toBe(true)
  })
})

describe("proposals", () => {
  it("tells questions and complaints from proposals", () => {
    expect(isComplaint("Vi må ikke bruge animationer i undervisningen pga. rettigheder 🙄")).toBe(true)
    expect(isComplaint("Ledelsen prioriterer ikke trivsel")).toBe(true)
    expect(isComplaint("Sprogbarrierer og mangel på tolke")).toBe(true)
    expect(isComplaint("Undgå forkortelser og latin")).toBe(false)
    expect(isComplaint("Borgerinddragelse skal tænkes ind fra starten, ikke til sidst")).toBe(false)
    expect(isQuestion("Kan vi få fælles brevskabeloner?")).toBe(true)
    expect(isQuestion("Hvordan måler I forståelsen")).toBe(true)
    expect(isQuestion("Flere tolke")).toBe(false)
  })

  it("merges proposals that say the same and counts who made them", () => {
    const statements = [...interpreters, "Hvorfor er der ikke flere tolke?", "Mangel på tolke"].map((t) => statementOf(t))
    const result = resultOf(statements)
    const corpus = topicCorpus(result.statements, themeSet)
    const merged = mergedProposals(corpus, statements)
    expect(merged[0]!.text).toBe("Flere tolke")
    expect(merged[0]!.ids).toHaveLength(2)
    const all = merged.flatMap((m) => m.ids)
    // The question and the complaint are not proposals.
    expect(all).toHaveLength(interpreters.length)
  })

  it("prefers the cleanly written of two statements that say the same", () => {
    const statements = ["pårørende skal inddrages tidligt", "paaroerende skal inddrages tidligt", "Pårørende skal inddrages tidligt"].map((t) =>
      statementOf(t)
    )
    const corpus = topicCorpus(statements, themeSet)
    expect(clearestFirst(corpus, statements).map((s) => s.text)[0]).toBe("Pårørende skal inddrages tidligt")
    expect(clearestFirst(corpus, statements).map((s) => s.text)[2]).toBe("paaroerende skal inddrages tidligt")
  })
})
