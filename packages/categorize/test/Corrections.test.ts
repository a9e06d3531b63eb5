import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import type { ThemeId } from "@udsagn/domain/Theme"
import { Effect } from "effect"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  CorrectionIndex,
  correctionsHash,
  readCorrections,
  recordCorrections,
  rowsWithCorrections,
  writeCorrections
} from "../src/Corrections.js"

const t = (id: string) => id as ThemeId
const now = "2026-01-01T10:00:00.000Z"
const saved = recordCorrections(
  [],
  [
    { text: "Vi skal have flere hænder på sengeafsnittene, vi løber stærkere og stærkere", themes: [t("staff-burnout")] },
    { text: "Alt er bygget op om afdelingerne og ikke om den enkelte patient", themes: [t("patient-involvement")] },
    { text: "dialog", themes: [t("other")] }
  ],
  { themeSet: "ts1", analysis: "a1", now }
)

describe("CorrectionIndex", () => {
  const index = new CorrectionIndex(saved)

  it("finds the same statement typed differently: case, punctuation, æøå as ae/oe/aa", () => {
    const m = index.match("VI SKAL HAVE FLERE HAENDER PAA SENGEAFSNITTENE - vi loeber staerkere og staerkere!!")
    expect(m?.kind).toBe("exact")
    expect(m?.correction.themes).toEqual(["staff-burnout"])
    expect(index.match("Dialog.")?.kind).toBe("exact")
  })

  it("finds a near duplicate with a word added or removed", () => {
    const added = index.match("Alt er jo bygget op om afdelingerne og ikke om den enkelte patient")
    expect(added?.kind).toBe("near")
    expect(added?.correction.themes).toEqual(["patient-involvement"])
    const removed = index.match("Alt er bygget op om afdelingerne og ikke den enkelte patient")
    expect(removed?.correction.themes).toEqual(["patient-involvement"])
  })

  it("does not match a different statement that shares words", () => {
    expect(index.match("Alt er bygget op om lægerne")).toBeUndefined()
    expect(index.match("Vi skal have mere dialog med de pårørende")).toBeUndefined()
    expect(index.match("god dag")).toBeUndefined()
    expect(index.match("")).toBeUndefined()
  })

  it("stays fast with many corrections and statements (an inverted index, not all pairs)", () => {
    const many = recordCorrections(
      [],
      Array.from({ length: 1000 }, (_, i) => ({ text: `udsagn nummer ${i} om personale og patienter og ord${i}`, themes: [t("other")] })),
      { themeSet: "ts1", now }
    )
    const big = new CorrectionIndex(many)
    let hits = 0
    for (let i = 0; i < 20_000; i++) if (big.match(`Udsagn nummer ${i % 1000} om personale og patienter og ord${i % 1000}, ja`)) hits++
    expect(hits).toBe(20_000)
  })
})

describe("recordCorrections", () => {
  it("replaces an analysis' earlier corrections and keeps one per text", () => {
    const again = recordCorrections(saved, [{ text: "DIALOG", themes: [t("patient-involvement")] }], { themeSet: "ts1", analysis: "a1", now })
    expect(again.map((c) => [c.key, c.themes])).toEqual([["dialog", ["patient-involvement"]]])
    const other = recordCorrections(saved, [{ text: "dialog", themes: [t("staff-burnout")] }], { themeSet: "ts1", analysis: "a2", now })
    expect(other).toHaveLength(3)
    expect(other.find((c) => c.key === "dialog")?.analysis).toBe("a2")
  })

  it("gives the same hash for the same corrections in another order or time", () => {
    const later = recordCorrections([], [...saved].reverse(), { themeSet: "ts1", now: "2027-01-01T00:00:00.000Z" })
    expect(correctionsHash(later)).toBe(correctionsHash(saved))
  })

  it("adds each correction three times to the training rows, replacing a row with the same text", () => {
    const rows = rowsWithCorrections([{ id: "t1", text: "Dialog!", themes: ["staff-burnout"] }, { id: "t2", text: "andet", themes: ["other"] }], saved)
    expect(rows.filter((r) => r.id === "t1")).toHaveLength(0)
    expect(rows).toHaveLength(1 + 3 * saved.length)
  })
})

describe("the corrections file", () => {
  it.effect("round-trips, and is empty when missing", () =>
    Effect.gen(function*() {
      const dir = join(mkdtempSync(join(tmpdir(), "udsagn-corrections-")), "laering")
      expect(yield* readCorrections(dir)).toEqual([])
      yield* writeCorrections(dir, saved)
      expect(yield* readCorrections(dir)).toEqual(saved)
    }).pipe(Effect.provide(NodeContext.layer)))
})
