import { FileSystem, Path } from "@effect/platform"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Categorizer } from "../src/Categorizer.js"
import { ThemeLoader } from "../src/ThemeLoader.js"
import { statement } from "./helpers.js"

const Live = Layer.mergeAll(ThemeLoader.Default, Categorizer.Default, NodeContext.layer)

/** Writes `content` to a fresh temp dir and returns its path. */
const tempFile = (name: string, content: string) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const dir = yield* fs.makeTempDirectoryScoped({ prefix: "udsagn-themes-" })
    const file = path.join(dir, name)
    yield* fs.writeFileString(file, content)
    return file
  })

const loadError = (file: string) =>
  Effect.gen(function* () {
    return yield* Effect.flip((yield* ThemeLoader).load(file))
  })

describe("ThemeLoader", () => {
  it.scoped("loads the default theme file: four codebook themes, labels and colours", () =>
    Effect.gen(function* () {
      const set = yield* (yield* ThemeLoader).load()
      expect(set.themes.map((t) => [t.id, t.label])).toEqual([
        ["patient-involvement", "Patientinvolvering"],
        ["visual-communication", "Visuel kommunikation"],
        ["staff-burnout", "Medarbejdertrivsel og ildsjæle"],
        ["health-literacy", "Sundhedskompetence"]
      ])
      expect(set.otherLabel).toBe("Andet")
      for (const t of set.themes) {
        expect(t.color).toMatch(/^#[0-9A-F]{6}$/)
        expect(t.terms.length).toBeGreaterThan(20)
        expect(t.examples.length).toBeGreaterThan(5)
      }
      expect(set.themes.find((t) => t.id === "visual-communication")!.exclusions).toContain("videokonsultation")
    }).pipe(Effect.provide(Live))
  )

  it.scoped("missing file: one Danish line", () =>
    Effect.gen(function* () {
      const e = yield* loadError("/nonexistent/temaer.json")
      expect(e._tag).toBe("ThemeFileError")
      expect(e.reason).toBe("missing")
      expect(e.message).toContain("Temafilen findes ikke: /nonexistent/temaer.json")
      expect(e.message).not.toContain("\n")
    }).pipe(Effect.provide(Live))
  )

  it.scoped("invalid JSON", () =>
    Effect.gen(function* () {
      const e = yield* loadError(yield* tempFile("bad.json", "{ \"name\": "))
      expect(e.reason).toBe("invalid-json")
      expect(e.message).toMatch(/^Temafilen .*bad\.json kan ikke bruges: filen er ikke gyldig JSON \(fejl ved slutningen/)
    }).pipe(Effect.provide(Live))
  )

  it.scoped("schema errors name the theme and the field in Danish", () =>
    Effect.gen(function* () {
      const file = yield* tempFile(
        "schema.json",
        JSON.stringify({ name: "x", themes: [{ id: "Bad Id", label: "X", terms: [{ term: "a", weight: "høj" }] }, { id: "b" }] })
      )
      const e = yield* loadError(file)
      expect(e.reason).toBe("invalid-schema")
      expect(e.message).toContain("tema nr. 1 (»X«): id må kun have små bogstaver")
      expect(e.message).toContain("tema nr. 1 (»X«), ord nr. 1: vægten (weight) skal være et tal")
      expect(e.message).toContain("tema nr. 2: navnet (label) mangler")
      expect(e.message).not.toMatch(/themes\.\d|is missing|Expected/)
      expect(e.message).not.toContain("\n")
    }).pipe(Effect.provide(Live))
  )

  it.scoped("duplicate ids and an explicit `other` are refused", () =>
    Effect.gen(function* () {
      const theme = (id: string) => ({ id, label: id, description: "", terms: [], exclusions: [], examples: [] })
      const e = yield* loadError(yield* tempFile("dup.json", JSON.stringify({ name: "x", themes: [theme("a"), theme("a"), theme("other")] })))
      expect(e.message).toContain(`tema nr. 2: id »a« står to gange`)
      expect(e.message).toContain(`"other" er indbygget`)
    }).pipe(Effect.provide(Live))
  )

  it.scoped("bounded: 2,000 themes, a million terms or a file over 2 MB are refused in one Danish line, quickly", () =>
    Effect.gen(function* () {
      const theme = (id: string, terms: number) => ({
        id, label: id, description: "", terms: Array.from({ length: terms }, (_, i) => ({ term: `ord${i}`, weight: 1 })), exclusions: [], examples: []
      })
      const many = yield* loadError(yield* tempFile("mange.json", JSON.stringify({ name: "x", themes: Array.from({ length: 2_000 }, (_, i) => theme(`t${i}`, 1)) })))
      expect(many.message).toContain("2000 temaer; der må højst være 50")
      const terms = yield* loadError(yield* tempFile("ord.json", JSON.stringify({ name: "x", themes: [theme("a", 30_000)] })))
      expect(terms.message).toContain("der må højst være 20000")
      const big = yield* loadError(yield* tempFile("stor.json", JSON.stringify({ name: "x", themes: [theme("a", 120_000)] })))
      expect(big.message).toMatch(/er for stor \(\d+ KB; grænsen er 2 MB\)/)
      for (const e of [many, terms, big]) expect(e.message).not.toContain("\n")
    }).pipe(Effect.provide(Live)))

  it.scoped("another conference's theme file works without code changes", () =>
    Effect.gen(function* () {
      // Two themes the training data does not know: the model learns from this file only.
      const custom = {
        name: "Konference om mad og bevægelse",
        themes: [
          {
            id: "food",
            label: "Mad",
            description: "Kost og måltider",
            color: "#56B4E9",
            terms: [{ term: "kost", weight: 1.5 }, { term: "måltider", weight: 1.5 }, { term: "grøntsager", weight: 1.2 }],
            exclusions: ["kostskole"],
            examples: ["Sund kost i skolen", "Fælles måltider på plejehjemmet", "Flere grøntsager i kantinen", "Madpakker med frugt"]
          },
          {
            id: "exercise",
            label: "Bevægelse",
            description: "Motion og aktivitet",
            color: "#CC79A7",
            terms: [{ term: "motion", weight: 1.5 }, { term: "cykel", weight: 1.2 }, { term: "gåture", weight: 1.2 }],
            exclusions: [],
            examples: ["Mere motion i hverdagen", "Cykelstier til skolen", "Gåture for ældre", "Idræt hver dag"]
          }
        ]
      }
      const file = yield* tempFile("mad.json", JSON.stringify(custom))
      const set = yield* (yield* ThemeLoader).load(file)
      const out = yield* (yield* Categorizer).categorize(
        [
          statement("a", "Sundere kost til børnene"),
          statement("b", "motion for de ældre"),
          statement("c", "Spændende dag"),
          statement("d", "kostskolen var fin")
        ],
        set
      )
      expect(out.map((s) => s.themes)).toEqual([["food"], ["exercise"], ["other"], ["other"]])
      expect(Object.keys(out[0]!.scores).sort()).toEqual(["exercise", "food", "other"])
      expect(out[0]!.evidence[0]).toMatchObject({ theme: "food", match: "kost", source: "lexicon" })
    }).pipe(Effect.provide(Live))
  )
})
