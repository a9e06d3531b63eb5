import { repoRoot } from "@udsagn/domain/Paths"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { RunningServer } from "../src/Server.js"
import { form, freshDir, start, upload } from "./helpers.js"

// The analysis page lists the candidate new themes of topics.json: the sample export with a
// slide of cross-sector statements that no theme covers (test/fixtures/menti-tvaers-sektor.xlsx,
// written by test/fixtures/build-fixtures.ts).

let server: RunningServer
beforeAll(async () => {
  server = await start(freshDir("candidates"))
})
afterAll(async () => {
  await server?.close()
})

describe("candidate themes on the analysis page", () => {
  it("lists a group of statements without a theme, with its words, and offers topics.json", async () => {
    const bytes = readFileSync(join(repoRoot, "test/fixtures/menti-tvaers-sektor.xlsx"))
    const res = await upload(server, form({ bytes, name: "menti-tvaers.xlsx" }))
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    const html = await (await fetch(`${server.url}/analyser/${id}`)).text()
    expect(html).toContain("Mulige nye temaer")
    expect(html).toMatch(/<strong>Sektor[^<]*<\/strong> · \d+ udsagn · ord: [^<]*sektor/i)
    expect(html).toContain(`/analyser/${id}/filer/topics.json`)
    const topics = (await (await fetch(`${server.url}/analyser/${id}/filer/topics.json`)).json()) as {
      candidates: Array<{ label: string; statements: Array<string> }>
    }
    expect(topics.candidates.some((c) => /sektor/i.test(c.label) && c.statements.length >= 20)).toBe(true)
  }, 180_000)
})
