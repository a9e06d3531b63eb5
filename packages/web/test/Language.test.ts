import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { RunningServer } from "../src/Server.js"
import { form, freshDir, sample, start, upload } from "./helpers.js"

// An export whose answers are not Danish: the analysis page says the Danish themes and figures
// do not apply, as the report does; a Danish export gets no such warning.
const english = [
  "Question,Answer",
  ...[
    "We need more time with each patient and their family",
    "The letters from the hospital are far too complicated for most people",
    "Staff are exhausted and there is no time for training",
    "Use short animated videos to explain the treatment",
    "Ask the patient what matters to them before planning anything",
    "Interpreters should be available in the evenings and at weekends",
    "The website is hard to navigate and the information is not up to date",
    "Thank you for a very inspiring day with many good talks"
  ].map((t) => `What did you learn today?,${t}`)
].join("\n")

let server: RunningServer
beforeAll(async () => {
  server = await start(freshDir("language"))
})
afterAll(async () => {
  await server?.close()
})

describe("the language warning on the analysis page", () => {
  const page = async (bytes: Uint8Array | undefined, name: string) => {
    const res = await upload(server, form(bytes ? { bytes, name } : { path: sample, name }))
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    return (await fetch(`${server.url}/analyser/${id}`)).text()
  }

  it("warns when the answers do not look Danish", async () => {
    const html = await page(new TextEncoder().encode(english), "english.csv")
    expect(html).toContain("Svarene ser ikke ud til at være på dansk")
  }, 120_000)

  it("says nothing for a Danish export", async () => {
    expect(await page(undefined, "menti-konference-2024-12-05.xlsx")).not.toContain("ser ikke ud til at være på dansk")
  }, 120_000)
})
