import { expect, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Categorizer } from "../src/Categorizer.js"
import { ThemeLoader } from "../src/ThemeLoader.js"
import { statement } from "./helpers.js"


const categorize = (texts: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const themeSet = yield* (yield* ThemeLoader).load()
    return yield* (yield* Categorizer).categorize(texts.map((t, i) => statement(`s${i}`, t)), themeSet)
  })

const sorted = (xs: ReadonlyArray<string>) => [...xs].sort()

// The codebook's decided edge cases (the codebook the project was built from; data/themes/default.json carries its themes), with the decision it gives.
const edgeCases: Array<[string, Array<string>]> = [
  ["Mere tid til den enkelte patient", ["patient-involvement"]],
  ["Vi har ikke tid nok", ["staff-burnout"]],
  ["Mere tid til den enkelte patient, for vi har ikke tid nok", ["patient-involvement", "staff-burnout"]],
  ["Undgå fagsprog", ["health-literacy"]],
  ["korte og klare breve", ["health-literacy"]],
  ["Tolkebistand", ["health-literacy"]],
  ["Videokonsultationer", ["other"]],
  ["Videoer der forklarer operationen", ["visual-communication"]],
  ["Kurser i kommunikation for personalet", ["health-literacy"]],
  ["Personalet er pressede og brænder ud", ["staff-burnout"]],
  // Staff learning to communicate is the organisation's health literacy, not staff strain.
  ["uddannelse af personalet i at tale klart", ["health-literacy"]],
  ["personalet skal lære at skrive enkelt", ["health-literacy"]],
  ["Inddrag pårørende", ["patient-involvement"]],
  ["opsøgende arbejde", ["patient-involvement"]],
  ["mød dem hvor de er", ["patient-involvement"]],
  ["ring i stedet for e-Boks", ["other"]],
  ["åbent om aftenen", ["other"]],
  ["Billeder i indkaldelsesbreve så alle kan forstå dem", ["health-literacy", "visual-communication"]],
  ["Lighed i sundhed er vigtigt", ["other"]],
  ["Animationer", ["visual-communication"]],
  ["Spændende", ["other"]],
  ["Tak", ["other"]]
]

const Live = Layer.mergeAll(Categorizer.Default, ThemeLoader.Default)

layer(Live, { timeout: 60_000 })("Categorizer", (it) => {
  it.effect("decides every codebook edge case as the codebook does", () =>
    Effect.gen(function* () {
      const out = yield* categorize(edgeCases.map(([t]) => t))
      const got = out.map((s, i) => [edgeCases[i]![0], sorted(s.themes)])
      expect(got).toEqual(edgeCases.map(([t, themes]) => [t, sorted(themes)]))
    })
  )

  it.effect("tolerates missing æøå, typos and compounds", () =>
    Effect.gen(function* () {
      const out = yield* categorize([
        "inddrag de paaroerende",
        "Sundhedskompetance",
        "animationsvideoer til borgerne",
        "medarbejdertrivslen er i bund",
        "brugerinddragelsen skal styrkes",
        "et billedkatalog til afdelingerne"
      ])
      expect(out.map((s) => s.themes)).toEqual([
        ["patient-involvement"],
        ["health-literacy"],
        ["visual-communication"],
        ["staff-burnout"],
        ["patient-involvement"],
        ["visual-communication"]
      ])
    })
  )

  it.effect("gives scores, evidence quoted as typed, confidence and a review flag", () =>
    Effect.gen(function* () {
      const [s] = yield* categorize(["Vi har brug for flere ANIMATIONER 🎬 i brevene"])
      expect(s!.themes).toContain("visual-communication")
      expect(Object.keys(s!.scores).sort()).toEqual(
        ["health-literacy", "other", "patient-involvement", "staff-burnout", "visual-communication"]
      )
      for (const v of Object.values(s!.scores)) expect(v).toBeGreaterThanOrEqual(0)
      expect(s!.scores["visual-communication"]).toBeGreaterThanOrEqual(0.5)
      const ev = s!.evidence.find((e) => e.theme === "visual-communication" && e.source === "lexicon")
      expect(ev?.match).toBe("ANIMATIONER")
      expect(s!.confidence).toBeGreaterThanOrEqual(0)
      expect(s!.confidence).toBeLessThanOrEqual(1)
      expect(typeof s!.needsReview).toBe("boolean")
      expect(s!.overridden).toBe(false)
    })
  )

  it.effect("the exclusion keeps video consultations out of visual communication, in any form", () =>
    Effect.gen(function* () {
      const out = yield* categorize(["flere videokonsultationer", "Skærmbesøg i stedet for fremmøde", "video konsultation med lægen"])
      for (const s of out) expect(s.themes).not.toContain("visual-communication")
    })
  )
})
