import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { ConferenceFeedback } from "../src/ConferenceFeedback.js"

// Two of the project's exports through the real pipeline in this process, with a reviewer's
// corrections that leave statements out: the ledger balances per file and in total.

const TestLayer = ConferenceFeedback.Default.pipe(Layer.provideMerge(NodeContext.layer))
const fixtures = path.resolve(import.meta.dirname, "../../../test/fixtures")
const excludedOf = (l: { readonly excluded: ReadonlyArray<{ readonly count: number }> }) => l.excluded.reduce((n, e) => n + e.count, 0)

describe("several exports with a reviewer's left-out statements", () => {
  it.effect("counts each left-out statement in its own file's accounts", () =>
    Effect.gen(function*() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "udsagn-multi-"))
      const overrides = path.join(dir, "rettelser.json")
      // s0002 is in the first file; s0180 and s0181 in the second (175 statements each).
      fs.writeFileSync(overrides, JSON.stringify([{ id: "s0002", exclude: true }, { id: "s0180", exclude: true }, { id: "s0181", exclude: true }]))
      const pipeline = yield* ConferenceFeedback
      const out = yield* pipeline.analyze({
        input: path.join(fixtures, "udsagn-tabel.xlsx"),
        moreInputs: [path.join(fixtures, "udsagn-utf8.csv")],
        overridesPath: overrides,
        outDir: path.join(dir, "ud")
      })
      const { ledger, statements } = out.result
      const [first, second] = ledger.files!
      expect(ledger.read).toBe(ledger.kept + excludedOf(ledger))
      expect(ledger.kept).toBe(statements.length)
      for (const f of [first!, second!]) {
        expect(f.read).toBe(f.kept + excludedOf(f))
        expect(f.kept).toBe(statements.filter((s) => s.event === f.event).length)
      }
      expect(first!.excluded.find((e) => e.reason === "reviewer-excluded")?.examples).toEqual(["s0002"])
      expect(second!.excluded.find((e) => e.reason === "reviewer-excluded")?.examples).toEqual(["s0180", "s0181"])
      expect(ledger.files!.reduce((n, f) => n + f.kept, 0)).toBe(ledger.kept)
    }).pipe(Effect.provide(TestLayer)), 120_000)
})
