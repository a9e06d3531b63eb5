import { AnalyzerLive } from "@udsagn/web/AnalyzerLive"
import { type RunningServer, startWebServer } from "@udsagn/web/Server"
import { strFromU8, unzipSync } from "fflate"
import { afterAll, describe, expect, it } from "vitest"
import { NOT_SECRETS, PERSONAL_SECRETS, pathologicalInputs } from "./fixtures/pathological.js"
import { tempDir } from "./support.js"

// Issue 16 item 3 through the web app: no spelling of the personal-data corpus appears in any API
// answer, page or file the app serves, nor in the zip (every entry unpacked, the xlsx and docx
// inside it too); the upload's own name carries a phone number and an e-mail address.

const servers: Array<RunningServer> = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
})

/** A zip's entries as text, zips inside it (xlsx, docx) unpacked as well. */
const zipText = (bytes: Uint8Array): string =>
  Object.entries(unzipSync(bytes)).map(([name, part]) =>
    /\.(xlsx|docx|zip)$/.test(name) ? zipText(part) : `${name}\n${strFromU8(part)}`
  ).join("\n")

describe("personal data through the web app", () => {
  it("is masked in every API answer, page, served file and the zip; dates and ranges stay", async () => {
    const server = await startWebServer({ settings: { reportsDir: tempDir("udsagn-web-personal-") }, analyzer: AnalyzerLive })
    servers.push(server)
    const input = pathologicalInputs().find((i) => i.name === "personal-data.csv")!
    const body = new FormData()
    body.append("file", new Blob([input.bytes]), "svar fra hanne.holm@example.dk 12345678.csv")
    const created = await fetch(`${server.url}/api/analyses`, { method: "POST", body })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }

    const texts: Array<[string, string]> = []
    const get = async (url: string) => {
      const res = await fetch(`${server.url}${url}`)
      expect(res.status, url).toBe(200)
      return res
    }
    for (const url of [`/api/analyses/${id}`, `/api/analyses/${id}/statements.json`, `/api/analyses/${id}/overrides`, "/api/analyses", `/analyser/${id}`, `/analyser/${id}/gennemgang`, "/"]) {
      texts.push([url, await (await get(url)).text()])
    }
    // Every file the analysis page links to.
    const page = texts.find(([u]) => u === `/analyser/${id}`)![1]
    const files = [...new Set([...page.matchAll(/href="(\/analyser\/[^"]+\/filer\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&")))]
    expect(files.length).toBeGreaterThan(4)
    for (const url of files) {
      const bytes = new Uint8Array(await (await get(url)).arrayBuffer())
      texts.push([url, /\.(xlsx|docx)$/.test(url) ? zipText(bytes) : strFromU8(bytes)])
    }
    const zip = new Uint8Array(await (await get(`/analyser/${id}/analyse.zip`)).arrayBuffer())
    texts.push(["analyse.zip", zipText(zip)])

    // Ids the app makes itself (run ids hold a timestamp, analysis ids are UUIDs) may contain
    // "1109" by chance: they are taken out before looking for the secrets.
    const scrub = (text: string) =>
      text.replace(/run-\d+-[0-9a-f]+/g, "run").replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "id")
    for (const secret of [...PERSONAL_SECRETS, "12345678", "example.dk"]) {
      for (const [url, text] of texts) expect(scrub(text), `${secret} in ${url}`).not.toContain(secret)
    }
    const statements = texts.find(([u]) => u.endsWith("statements.json"))![1]
    for (const kept of NOT_SECRETS) expect(statements).toContain(kept)
  }, 120_000)
})
