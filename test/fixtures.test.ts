import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, it } from "vitest"
import { buildFixtures, encodeCp1252, PUNCTUATION_ANSWER } from "./fixtures/build-fixtures.js"
import { repoRoot } from "./support.js"

const dir = join(repoRoot, "test/fixtures")
const committed = (d: string): Array<string> =>
  readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? committed(join(d, n)) : [relative(dir, join(d, n))]))

describe("the project's own fixture corpus (test/fixtures)", () => {
  const built = buildFixtures()

  it("is reproducible: build-fixtures.ts makes exactly the committed files, byte for byte", () => {
    const files = committed(dir).filter((f) => !f.endsWith(".ts"))
    expect(files.sort()).toEqual([...built.keys()].sort())
    for (const [name, bytes] of built) {
      expect(Buffer.compare(readFileSync(join(dir, name)), Buffer.from(bytes)), `${name} is stale: npx tsx test/fixtures/build-fixtures.ts`).toBe(0)
    }
  })

  it("writes Danish Excel's code page: – is 0x96, „ is 0x84, ø is 0xF8, and emoji become ?", () => {
    expect([...encodeCp1252("–„ø👍")]).toEqual([0x96, 0x84, 0xf8, 0x3f])
    expect(readFileSync(join(dir, "udsagn-excel-semikolon-cp1252.csv")).includes(Buffer.from(encodeCp1252(PUNCTUATION_ANSWER)))).toBe(true)
  })
})
