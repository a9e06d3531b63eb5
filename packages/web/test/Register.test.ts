import { readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { strFromU8, unzipSync } from "fflate"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import type { RunningServer } from "../src/Server.js"
import { fixtures, form, freshDir, sample, start, upload, uuid } from "./helpers.js"

// The register of recommendations over HTTP (issue 15): two real uploads through the real
// pipeline, their drafts edited through the page's form and sent, every API contract, the
// exports read back from their zip, and a restart on the same folder.

vi.setConfig({ testTimeout: 60_000 })

interface Rec {
  id: string
  analysisId: string
  theme: string
  themeLabel: string
  text: string
  status: string
  note: string
  date: string
  statements: Array<string>
  statementCount: number
  conferences: number
  linked: Array<string>
}
interface DraftItem {
  sources: Array<string>
  text: string
  theme: string
  statements: Array<string>
}

let dir: string
let server: RunningServer
let first = ""
let second = ""

const call = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init)
// Page posts carry the browser's origin (the server refuses page posts without one).
const post = (path: string, fields: Record<string, string | Array<string>>) => {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x)
  return call(path, { method: "POST", body, headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded" }, redirect: "manual" })
}
const put = (id: string, body: unknown) =>
  call(`/api/recommendations/${id}`, { method: "PUT", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) })
const list = async (query = "") => (await (await call(`/api/recommendations${query}`)).json()) as Array<Rec>
const draftOf = async (id: string) => (await (await call(`/api/analyses/${id}/recommendations`)).json()) as { items: Array<DraftItem>; dropped: Array<string>; edited: boolean }
const documentXml = (bytes: ArrayBuffer) => strFromU8(unzipSync(new Uint8Array(bytes))["word/document.xml"]!)

beforeAll(async () => {
  dir = freshDir("register")
  server = await start(dir)
  const a = await upload(server, form({ path: sample, name: "menti-konference-2024-12-05.xlsx" }))
  expect(a.status).toBe(201)
  first = ((await a.json()) as { id: string }).id
  const b = await upload(server, form({ path: join(fixtures, "udsagn-utf8.csv"), name: "konference-2025.csv" }))
  expect(b.status).toBe(201)
  second = ((await b.json()) as { id: string }).id
}, 180_000)

afterAll(async () => {
  await server?.close()
})

describe("editing a draft before it goes out", () => {
  it("lists the pipeline's draft, one item per recommendation, unedited", async () => {
    const draft = await draftOf(first)
    const json = JSON.parse(await (await call(`/analyser/${first}/filer/recommendations.json`)).text()) as { recommendations: Array<{ theme: string }> }
    expect(draft.edited).toBe(false)
    expect(draft.items.length).toBeGreaterThanOrEqual(json.recommendations.length)
    expect(new Set(draft.items.map((i) => i.theme))).toEqual(new Set(json.recommendations.map((r) => r.theme)))
    for (const item of draft.items) expect(item.statements.length).toBeGreaterThan(0)
  })

  it("rewords, merges two, drops one through the page; the Word draft and the markdown use the edited wording", async () => {
    const before = await draftOf(first)
    expect(before.items.length).toBeGreaterThanOrEqual(4)
    const texts = Object.fromEntries(before.items.flatMap((item, i) => [[`tekst-${i}`, item.text], [`kilde-${i}`, item.sources[0]!]]))
    const reworded = "Sundhedsrådene bør give tolke og klare breve til borgere med lav sundhedskompetence"
    let res = await post(`/analyser/${first}/anbefalinger`, { ...texts, "tekst-0": reworded, handling: "gem" })
    expect(res.status).toBe(303)
    // Merge items 2 and 3 (the page's checkboxes), then drop the last one.
    res = await post(`/analyser/${first}/anbefalinger`, { ...texts, "tekst-0": reworded, saml: ["2", "3"], handling: "saml" })
    expect(res.status).toBe(303)
    let now = await draftOf(first)
    expect(now.items).toHaveLength(before.items.length - 1)
    expect(now.items[2]!.sources).toEqual([...before.items[2]!.sources, ...before.items[3]!.sources])
    expect(now.items[2]!.statements.length).toBeGreaterThanOrEqual(before.items[2]!.statements.length)
    res = await post(`/analyser/${first}/anbefalinger`, { ...Object.fromEntries(now.items.flatMap((x, i) => [[`tekst-${i}`, x.text], [`kilde-${i}`, x.sources[0]!]])), handling: "fjern-1" })
    expect(res.status).toBe(303)
    now = await draftOf(first)
    expect(now.items).toHaveLength(before.items.length - 2)
    expect(now.dropped).toEqual(before.items[1]!.sources)
    expect(now.items[0]!.text).toBe(reworded)

    const docx = await call(`/analyser/${first}/filer/recommendations.docx`)
    expect(docx.status).toBe(200)
    const xml = documentXml(await docx.arrayBuffer())
    expect(xml).toContain(reworded)
    if (before.items[0]!.sources[0]!.includes("#")) {
      // Sub-topic recommendations: the dropped one's heading is gone.
      expect(xml).not.toContain(before.items[1]!.sources[0]!.split("#")[1]! + " (")
    } else {
      expect(xml).not.toContain(before.items[0]!.text)
      expect(xml).not.toContain(before.items[1]!.text)
    }
    expect(xml).toContain(now.items.find((x) => x.sources.length === 2)!.text.slice(0, 40))
    const md = await (await call(`/analyser/${first}/filer/recommendations.md`)).text()
    expect(md).toContain(reworded)
    // The zip of the whole analysis holds the same draft.
    const zip = unzipSync(new Uint8Array(await (await call(`/analyser/${first}/analyse.zip`)).arrayBuffer()))
    const inZip = Object.keys(zip).find((n) => n.endsWith("/recommendations.docx"))!
    expect(strFromU8(unzipSync(zip[inZip]!)["word/document.xml"]!)).toContain(reworded)

    // The dropped one can be taken back.
    const key = now.dropped[0]!
    await post(`/analyser/${first}/anbefalinger`, { handling: `tilbage-${key}` })
    expect((await draftOf(first)).dropped).toEqual([])
    const back = await draftOf(first)
    expect(back.items.at(-1)!.sources).toEqual([key])
    await post(`/analyser/${first}/anbefalinger`, { handling: `fjern-${back.items.length - 1}`, [`kilde-${back.items.length - 1}`]: key })
    expect((await draftOf(first)).dropped).toEqual([key])

    // A page opened before the changes saves each wording on its own item, and none on items gone.
    const current = await draftOf(first)
    await post(`/analyser/${first}/anbefalinger`, { ...texts, "tekst-0": reworded, "tekst-3": "Fra en gammel side", handling: "gem" })
    const stale = await draftOf(first)
    expect(stale.items.map((x) => x.sources)).toEqual(current.items.map((x) => x.sources))
    expect(stale.items.map((x) => x.text)).not.toContain("Fra en gammel side")
    expect(stale.items[0]!.text).toBe(reworded)
  })

  it("sends both analyses to the register; the register lists the recommendations of both", async () => {
    const sent = await post(`/analyser/${first}/anbefalinger`, { handling: "send" })
    expect(sent.status).toBe(303)
    const items = (await draftOf(first)).items.length
    expect(await (await call(sent.headers.get("location")!)).text()).toContain(`${items} anbefalinger er sendt til registret (${items} nye, 0 opdateret)`)
    const res = await call(`/api/analyses/${second}/recommendations`, { method: "POST" })
    expect(res.status).toBe(200)
    const all = await list()
    const mine = all.filter((r) => r.analysisId === first)
    const theirs = all.filter((r) => r.analysisId === second)
    expect(mine).toHaveLength((await draftOf(first)).items.length)
    expect(theirs).toHaveLength((await draftOf(second)).items.length)
    for (const r of all) {
      expect(r.id).toMatch(uuid)
      expect(r.status).toBe("forslag")
      expect(typeof r.theme).toBe("string")
      expect(r.text.length).toBeGreaterThan(0)
      expect(r.statements.length).toBeGreaterThan(0)
    }
    expect(mine.map((r) => r.text)).toContain("Sundhedsrådene bør give tolke og klare breve til borgere med lav sundhedskompetence")
    const page = await (await call("/anbefalinger")).text()
    expect(page).toContain(`${all.length} af ${all.length} anbefalinger`)
    // Sent again: nothing doubles.
    await call(`/api/analyses/${second}/recommendations`, { method: "POST" })
    expect(await list()).toHaveLength(all.length)
  })
})

describe("PUT /api/recommendations/:id", () => {
  it("changes text, status and note; a new status is dated today", async () => {
    const [r] = await list(`?analysisId=${first}`)
    const res = await put(r!.id, { status: "besluttet", note: "Udvalgsmøde 24. april 2025, punkt 5" })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Rec
    expect(body).toMatchObject({ id: r!.id, status: "besluttet", note: "Udvalgsmøde 24. april 2025, punkt 5", date: new Date().toISOString().slice(0, 10) })
    const text = await put(r!.id, { text: "  Ny ordlyd  " })
    expect(((await text.json()) as Rec).text).toBe("Ny ordlyd")
    expect((await list("?status=besluttet")).map((x) => x.id)).toEqual([r!.id])
  })

  it.each([
    [{ status: "vedtaget" }, /Ukendt status »vedtaget«.*forslag, drøftet, besluttet, i gang, afvist/],
    [{ text: "" }, /tom/],
    [{ colour: "red" }, /Ukendt felt: colour/],
    [{}, /mindst ét/],
    [[1, 2], /JSON-objekt/],
    ["{not json", /JSON-objekt/],
    [{ date: "24-04-2025", status: "drøftet" }, /ÅÅÅÅ-MM-DD/]
  ])("answers 400 with a Danish message for %j", async (body, message) => {
    const [r] = await list()
    const before = await (await call(`/api/recommendations/${r!.id}`)).json()
    const res = await put(r!.id, body)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(message)
    expect(await (await call(`/api/recommendations/${r!.id}`)).json()).toEqual(before)
  })

  it("answers 404 for an unknown recommendation", async () => {
    expect((await put("ikke-en-anbefaling", { status: "afvist" })).status).toBe(404)
    expect((await call("/api/recommendations/ikke-en-anbefaling")).status).toBe(404)
  })

  it("filters by status, theme, event and year; an unknown status filter is refused", async () => {
    const all = await list()
    const theme = all[0]!.theme
    expect((await list(`?theme=${theme}`)).every((r) => r.theme === theme)).toBe(true)
    expect(await list(`?analysisId=${second}`)).toHaveLength(all.filter((r) => r.analysisId === second).length)
    expect(await list("?year=1999")).toEqual([])
    expect((await call("/api/recommendations?status=vedtaget")).status).toBe(400)
    const page = await (await call(`/anbefalinger?status=besluttet`)).text()
    expect(page).toContain(`1 af ${all.length} anbefalinger (filtreret)`)
  })
})

describe("the draft and links over the API", () => {
  const json = { "content-type": "application/json" }
  const putDraft = (body: unknown) => call(`/api/analyses/${second}/recommendations`, { method: "PUT", headers: json, body: typeof body === "string" ? body : JSON.stringify(body) })

  it("PUT arranges an analysis' draft; unknown or repeated items are refused in Danish", async () => {
    const d = await draftOf(second)
    const [x, y, z] = d.items
    const res = await putDraft({ items: [{ sources: [...x!.sources, ...y!.sources], text: "Samlet anbefaling" }], dropped: z!.sources })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { items: Array<DraftItem>; dropped: Array<string>; edited: boolean }
    expect(body.edited).toBe(true)
    expect(body.items[0]).toMatchObject({ text: "Samlet anbefaling", sources: [...x!.sources, ...y!.sources] })
    expect(body.items).toHaveLength(d.items.length - 2)
    expect(body.dropped).toEqual(z!.sources)
    for (const [bad, message] of [
      [{ items: [{ sources: ["ikke-et-tema"], text: "x" }] }, /ingen anbefaling »ikke-et-tema«/],
      [{ items: [{ sources: x!.sources, text: "x" }], dropped: x!.sources }, /mere end én gang/],
      [{ items: [{ sources: x!.sources, text: " " }] }, /1 til 2000 tegn/],
      ["[", /Send JSON/],
      [{ items: [{ sources: [], text: "x" }] }, /Send JSON/]
    ] as const) {
      const r = await putDraft(bad)
      expect(r.status).toBe(400)
      expect(((await r.json()) as { error: string }).error).toMatch(message)
    }
    expect((await draftOf(second)).items[0]!.text).toBe("Samlet anbefaling")
    // Back as the pipeline made it, for the tests below.
    expect((await putDraft({ items: d.items.map((i) => ({ sources: i.sources, text: i.text })) })).status).toBe(200)
    expect((await draftOf(second)).items).toEqual(d.items)
  })

  it("links two recommendations and takes one out again", async () => {
    const all = await list()
    const a = all.find((r) => r.analysisId === first)!
    const b = all.find((r) => r.analysisId === second)!
    const res = await call(`/api/recommendations/${a.id}/links`, { method: "POST", headers: json, body: JSON.stringify({ with: b.id }) })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id: a.id, linked: [b.id], conferences: 2 })
    expect((await call(`/api/recommendations/${a.id}/links`, { method: "DELETE" })).status).toBe(204)
    expect((await list()).find((r) => r.id === b.id)).toMatchObject({ linked: [], conferences: 1 })
    expect((await call(`/api/recommendations/${a.id}/links`, { method: "DELETE" })).status).toBe(404)
    expect((await call(`/api/recommendations/${a.id}/links`, { method: "POST", headers: json, body: "{}" })).status).toBe(400)
    expect((await call(`/api/recommendations/${a.id}/links`, { method: "POST", headers: json, body: JSON.stringify({ with: "nej" }) })).status).toBe(404)
  })
})

describe("links between conferences", () => {
  it("suggests recommendations that say the same; a person confirms; the overview says raised at 2 conferences", async () => {
    const page = await (await call("/anbefalinger")).text()
    const pair = /data-pair="([0-9a-f-]{36})\|([0-9a-f-]{36})"/.exec(page)
    expect(pair).not.toBeNull()
    const [, a, b] = pair!
    const res = await post("/anbefalinger/kaeder", { a: a!, b: b!, handling: "kaed" })
    expect(res.status).toBe(303)
    const linked = (await list()).find((r) => r.id === a)!
    expect(linked.conferences).toBe(2)
    expect(linked.linked).toEqual([b])
    expect(await (await call("/anbefalinger")).text()).toContain("rejst på 2 konferencer")
    // Once linked, the pair is no longer suggested; a dismissed pair neither.
    expect(await (await call("/anbefalinger")).text()).not.toContain(`data-pair="${a}|${b}"`)
  })
})

describe("the overview for the minutes", () => {
  it("anbefalinger.docx groups by status with origin, participants and note; anbefalinger.xlsx has a row each", async () => {
    const res = await call("/anbefalinger.docx")
    expect(res.status).toBe(200)
    expect(res.headers.get("content-disposition")).toContain("anbefalinger.docx")
    const xml = documentXml(await res.arrayBuffer())
    expect(xml).toContain("Besluttet (1)")
    expect(xml).toContain("Udvalgsmøde 24. april 2025, punkt 5")
    expect(xml).toMatch(/Forslag, der venter på udvalget \(\d+\)/)
    expect(xml).toContain("Rejst på 2 konferencer")
    expect(xml).toMatch(/bygger på \d+ udsagn|foreslået af \d+ deltagere/)
    expect(xml.indexOf("Besluttet (1)")).toBeLessThan(xml.indexOf("Forslag, der venter"))
    const xlsx = await call("/anbefalinger.xlsx?status=besluttet")
    const sheet = strFromU8(unzipSync(new Uint8Array(await xlsx.arrayBuffer()))["xl/worksheets/sheet1.xml"]!)
    expect((sheet.match(/<row /g) ?? []).length).toBe(2)
  })
})

describe("after a restart", () => {
  it("keeps every change, in a file only the server's user can read", async () => {
    const before = await list()
    await server.close()
    server = await start(dir)
    expect(await list()).toEqual(before)
    expect((await list("?status=besluttet"))[0]!.note).toBe("Udvalgsmøde 24. april 2025, punkt 5")
    const file = join(dir, "anbefalinger", "register.json")
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, "anbefalinger")).mode & 0o777).toBe(0o700)
    expect(JSON.parse(readFileSync(file, "utf8")).version).toBe(1)
    // The edited Word draft survives too.
    const xml = documentXml(await (await call(`/analyser/${first}/filer/recommendations.docx`)).arrayBuffer())
    expect(xml).toContain("Sundhedsrådene bør give tolke og klare breve til borgere med lav sundhedskompetence")
  })
})

describe("deleting an analysis", () => {
  it("the page asks whether its recommendations stay in the register; kept ones are marked", async () => {
    const count = (await list(`?analysisId=${second}`)).length
    expect(count).toBeGreaterThan(0)
    let res = await post(`/analyser/${second}/slet`, { bekraeft: "ja" })
    expect(res.status).toBe(200)
    const question = await res.text()
    expect(question).toContain("Skal anbefalingerne blive i registret?")
    expect(question).toContain(`har ${count} anbefalinger`)
    // Nothing is deleted until the question is answered.
    expect((await call(`/api/analyses/${second}`)).status).toBe(200)
    res = await post(`/analyser/${second}/slet`, { bekraeft: "ja", anbefalinger: "ved ikke" })
    expect(res.status).toBe(400)
    expect((await call(`/api/analyses/${second}`)).status).toBe(200)
    res = await post(`/analyser/${second}/slet`, { bekraeft: "ja", anbefalinger: "behold" })
    expect(res.status).toBe(303)
    expect((await call(`/api/analyses/${second}`)).status).toBe(404)
    const kept = (await (await call(`/api/recommendations?analysisId=${second}`)).json()) as Array<Rec & { analysisDeleted?: boolean }>
    expect(kept).toHaveLength(count)
    expect(kept.every((r) => r.analysisDeleted === true)).toBe(true)
    const page = await (await call("/anbefalinger")).text()
    expect(page).toContain("(analysen er slettet)")
    expect(page).not.toContain(`href="/analyser/${second}"`)
    const register = JSON.parse(readFileSync(join(dir, "anbefalinger", "register.json"), "utf8")) as { drafts: Record<string, unknown> }
    expect(register.drafts[second]).toBeUndefined()
  })

  it("the API keeps them unless told to remove them; another value is refused", async () => {
    const res = await call(`/api/analyses/${first}?recommendations=maybe`, { method: "DELETE" })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/keep eller remove/)
    expect((await call(`/api/analyses/${first}`)).status).toBe(200)
    expect((await call(`/api/analyses/${first}?recommendations=remove`, { method: "DELETE" })).status).toBe(204)
    expect(await list(`?analysisId=${first}`)).toEqual([])
    // The links that pointed at them are gone with them.
    expect((await list()).every((r) => r.linked.length === 0)).toBe(true)
  })
})
