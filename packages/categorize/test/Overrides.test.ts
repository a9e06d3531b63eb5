import { FileSystem, Path } from "@effect/platform"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Override } from "@udsagn/domain/Categorization"
import type { ThemeId } from "@udsagn/domain/Theme"
import { Effect, Either, Layer } from "effect"
import { Categorizer } from "../src/Categorizer.js"
import { applyOverrides, describeOverrideProblem, findOverrideProblem, loadOverrides, mergeOverrides } from "../src/Overrides.js"
import { ThemeLoader } from "../src/ThemeLoader.js"
import { statement } from "./helpers.js"

const Live = Layer.mergeAll(ThemeLoader.Default, Categorizer.Default, NodeContext.layer)

const tempFile = (name: string, content: string) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const dir = yield* fs.makeTempDirectoryScoped({ prefix: "udsagn-overrides-" })
    const file = path.join(dir, name)
    yield* fs.writeFileString(file, content)
    return file
  })

const texts = ["Spændende dag", "Mere tid til den enkelte patient", "Lighed i sundhed er vigtigt", "lighed i sundhed er vigtigt!!"]

/** The real categorizer, then the overrides: what `analyze --overrides` does. */
const run = (overridesFile: string) =>
  Effect.gen(function* () {
    const themeSet = yield* (yield* ThemeLoader).load()
    const categorized = yield* (yield* Categorizer).categorize(texts.map((t, i) => statement(`s${i + 1}`, t)), themeSet)
    const overrides = yield* loadOverrides(overridesFile)
    return { before: categorized, after: Either.getOrThrow(applyOverrides(categorized, overrides, themeSet)) }
  })

describe("overrides", () => {
  it.scoped("csv: by id and by normalized text; survive a re-run", () =>
    Effect.gen(function* () {
      const file = yield* tempFile(
        "rettelser.csv",
        "id,text,themes\ns1,,patient-involvement|staff-burnout\n,LIGHED I SUNDHED ER VIGTIGT,health-literacy\n"
      )
      const first = yield* run(file)
      expect(first.before[0]!.themes).toEqual(["other"])
      const [s1, s2, s3, s4] = first.after
      expect(s1!.themes).toEqual(["patient-involvement", "staff-burnout"])
      // Honest: the categorizer's confidence and evidence stay; the override entries come after.
      expect(s1!).toMatchObject({ overridden: true, confidence: first.before[0]!.confidence, needsReview: false })
      expect(s1!.confidence).toBeLessThan(1)
      expect(s1!.evidence.slice(0, first.before[0]!.evidence.length)).toEqual(first.before[0]!.evidence)
      expect(s1!.evidence.filter((e) => e.source === "override").map((e) => e.theme)).toEqual(["patient-involvement", "staff-burnout"])
      expect(s2!.overridden).toBe(false)
      expect(s2!.themes).toEqual(first.before[1]!.themes)
      // normalized text: case, punctuation and "!!" do not matter
      expect(s3!.themes).toEqual(["health-literacy"])
      expect(s4!.themes).toEqual(["health-literacy"])
      const second = yield* run(file)
      expect(second.after.map((s) => s.themes)).toEqual(first.after.map((s) => s.themes))
    }).pipe(Effect.provide(Live))
  )

  it.scoped("json array of Override", () =>
    Effect.gen(function* () {
      const file = yield* tempFile("rettelser.json", JSON.stringify([{ id: "s2", themes: ["other"], note: "ikke et tema" }]))
      const { after, before } = yield* run(file)
      expect(after[1]!.themes).toEqual(["other"])
      // What the categorizer found for "Mere tid til den enkelte patient" is kept beside the correction.
      expect(before[1]!.evidence.length).toBeGreaterThan(0)
      expect(after[1]!.evidence.filter((e) => e.source !== "override")).toEqual(before[1]!.evidence)
      expect(after[1]!.evidence.find((e) => e.source === "override")).toMatchObject({ term: "ikke et tema" })
    }).pipe(Effect.provide(Live))
  )

  it.scoped("unknown theme ids give a clear error", () =>
    Effect.gen(function* () {
      const themeSet = yield* (yield* ThemeLoader).load()
      const bad = [new Override({ id: "s1", themes: ["patient-involvment" as ThemeId] })]
      const result = applyOverrides([], bad, themeSet)
      expect(Either.isLeft(result)).toBe(true)
      const message = Either.isLeft(result) ? result.left.message : ""
      expect(message).toContain("ukendte temaer: patient-involvment")
      expect(message).toContain("patient-involvement")
      const mixed = applyOverrides([], [new Override({ text: "x", themes: ["other" as ThemeId, "staff-burnout" as ThemeId] })], themeSet)
      expect(Either.isLeft(mixed) && mixed.left.message).toContain(`kombinerer "other"`)
    }).pipe(Effect.provide(Live))
  )

  it.scoped("bad files: one line each", () =>
    Effect.gen(function* () {
      const noCols = yield* Effect.flip(loadOverrides(yield* tempFile("a.csv", "foo,bar\n1,2\n")))
      expect(noCols.message).toContain("skal have kolonnerne id (eller text) og themes, exclude eller redact")
      const noThemes = yield* Effect.flip(loadOverrides(yield* tempFile("b.csv", "id,text,themes\ns1,,\n")))
      expect(noThemes.message).toContain("siger ikke, hvad der skal rettes")
      const blank = yield* Effect.flip(loadOverrides(yield* tempFile("d.json", JSON.stringify([{ id: "s1", redact: "  " }]))))
      expect(blank.message).toContain("tom eller for lang ny tekst")
      const keyless = yield* Effect.flip(loadOverrides(yield* tempFile("c.json", JSON.stringify([{ themes: ["other"] }]))))
      expect(keyless.message).toContain("hverken id eller tekst")
      const missing = yield* Effect.flip(loadOverrides("/nonexistent/rettelser.csv"))
      expect(missing.message).toContain("kunne ikke læses")
    }).pipe(Effect.provide(Live))
  )

  it.scoped("csv: exclude and redact columns; entries for one id are merged", () =>
    Effect.gen(function* () {
      const file = yield* tempFile("r.csv", "id,themes,exclude,redact\ns1,,ja,\ns2,,,Mere tid til [navn]\ns2,staff-burnout,,\n")
      const overrides = yield* loadOverrides(file)
      expect(overrides.map((o) => ({ ...o }))).toEqual([
        { id: "s1", exclude: true },
        { id: "s2", redact: "Mere tid til [navn]" },
        { id: "s2", themes: ["staff-burnout"] }
      ])
      expect(mergeOverrides(overrides).map((o) => ({ ...o }))).toEqual([
        { id: "s1", exclude: true },
        { id: "s2", redact: "Mere tid til [navn]", themes: ["staff-burnout"] }
      ])
    }).pipe(Effect.provide(Live))
  )

  it("findOverrideProblem: the one check, as data, for callers that only know the theme ids (the web)", () => {
    const ids = ["patient-involvement", "staff-burnout"]
    expect(findOverrideProblem([new Override({ id: "s1", themes: ["staff-burnout" as ThemeId] })], ids)).toBeUndefined()
    expect(findOverrideProblem([new Override({ id: "s1", themes: ["other" as ThemeId] })], ids)).toBeUndefined()
    const unknown = findOverrideProblem([new Override({ id: "s1", themes: ["x" as ThemeId] })], ids)
    expect(unknown).toMatchObject({ _tag: "UnknownThemes", unknown: ["x"], known: [...ids, "other"] })
    expect(describeOverrideProblem(unknown!)).toContain("ukendte temaer: x")
    const keyless = findOverrideProblem([new Override({ themes: ["other" as ThemeId] })], ids)
    expect(keyless).toEqual({ _tag: "NoKey", index: 0 })
    expect(describeOverrideProblem(keyless!)).toBe("Rettelse nr. 1 har hverken id eller tekst.")
    expect(findOverrideProblem([new Override({ id: "s1", exclude: true })], ids)).toBeUndefined()
    expect(findOverrideProblem([new Override({ id: "s1", redact: "Borgeren [navn] fra Skive" })], ids)).toBeUndefined()
    expect(findOverrideProblem([new Override({ id: "s1" })], ids)).toMatchObject({ _tag: "NothingToDo" })
    // Without theme ids only the keys are checked (a file read before its theme set is known).
    expect(findOverrideProblem([new Override({ id: "s1", themes: ["x" as ThemeId] })])).toBeUndefined()
  })
})
