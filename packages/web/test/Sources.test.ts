import { droeftelserDocx } from "@udsagn/ingest/testing/DocxWriter"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { AnalyzerInChild } from "../src/AnalyzerLive.js"
import { type RunningServer, startWebServer } from "../src/Server.js"
import { entries, fixtures, freshDir, upload } from "./helpers.js"

// Several exports and notes in one upload, over HTTP against the real server, each analysis in
// its own child process as `udsagn serve` runs it (so the job carries the extra files too).

vi.setConfig({ testTimeout: 120_000 })

let dir: string
let server: RunningServer

beforeAll(async () => {
  dir = freshDir("sources")
  server = await startWebServer({ settings: { reportsDir: dir }, analyzer: AnalyzerInChild })
})

afterAll(async () => {
  await server?.close()
})

const part = (file: string) => new Blob([readFileSync(join(fixtures, file))])

/** Two of the project's exports as `file`, and the given notes as `notes`. */
const sourcesForm = (notes: ReadonlyArray<{ bytes: Uint8Array; name: string }>, second = "udsagn-utf8.csv") => {
  const data = new FormData()
  data.append("file", part("udsagn-tabel.xlsx"), "udsagn-tabel.xlsx")
  data.append("file", part(second), second.split("/").pop()!)
  for (const n of notes) data.append("notes", new Blob([n.bytes]), n.name)
  return data
}

const notesMd = { bytes: readFileSync(join(fixtures, "notes/oplaeg.md")), name: "Oplæg.md" }
const notesDocx = { bytes: droeftelserDocx(), name: "Drøftelser ved bordene.docx" }

interface ApiAnalysis {
  statements: number
  sourceName: string
  moreInputs?: Array<string>
  notesFiles?: Array<string>
  run: string
  ledger: { read: number; kept: number; files?: Array<{ event: string; read: number; kept: number }>; notes?: Array<{ file: string; paragraphs: number }> }
}

describe("POST /api/analyses with several exports and notes", () => {
  it("makes one analysis of both files with the notes beside them, and keeps them through a correction and a re-run", async () => {
    const res = await upload(server, sourcesForm([notesMd, notesDocx]))
    expect(res.status).toBe(201)
    const { id, reportUrl } = (await res.json()) as { id: string; reportUrl: string }
    const meta = (await (await fetch(`${server.url}/api/analyses/${id}`)).json()) as ApiAnalysis
    expect(meta.sourceName).toBe("udsagn-tabel.xlsx, udsagn-utf8.csv")
    expect(meta.moreInputs).toEqual(["udsagn-utf8.csv"])
    expect(meta.notesFiles).toEqual(["oplaeg.md", "droeftelser-ved-bordene.docx"])
    expect(readdirSync(join(dir, id, "noter")).sort()).toEqual(["droeftelser-ved-bordene.docx", "oplaeg.md"])
    expect(meta.ledger.files?.map((f) => f.event)).toEqual(["Udsagn tabel", "Udsagn utf8"])
    expect(meta.statements).toBe(meta.ledger.kept)
    expect(meta.ledger.kept).toBe(meta.ledger.files!.reduce((n, f) => n + f.kept, 0))
    expect(meta.ledger.notes?.map((n) => [n.file, n.paragraphs])).toEqual([["oplaeg.md", 8], ["droeftelser-ved-bordene.docx", 3]])

    const report = await (await fetch(`${server.url}${reportUrl}`)).text()
    expect(report).toContain("<h3>Fra oplæg og drøftelser</h3>")
    expect(report).toContain("Temaerne i hvert arrangement")

    // A correction re-runs the analysis from the stored files: both exports and the notes again.
    const rows = (await (await fetch(`${server.url}/api/analyses/${id}/statements.json`)).json()) as Array<{ id: string; event?: string }>
    expect(new Set(rows.map((r) => r.event))).toEqual(new Set(["Udsagn tabel", "Udsagn utf8"]))
    const put = await fetch(`${server.url}/api/analyses/${id}/overrides`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ id: rows[rows.length - 1]!.id, themes: ["staff-burnout"] }])
    })
    expect(put.status).toBe(200)
    const after = (await (await fetch(`${server.url}/api/analyses/${id}`)).json()) as ApiAnalysis
    expect(after.run).not.toBe(meta.run)
    expect(after.statements).toBe(meta.statements)
    expect(after.ledger.notes).toEqual(meta.ledger.notes)
    expect(await (await fetch(`${server.url}${reportUrl.replace(meta.run, after.run)}`)).text()).toContain("Fra oplæg og drøftelser")

    // A re-run with the current themes is a new analysis of the same files and notes.
    const rerun = await fetch(`${server.url}/api/analyses/${id}/rerun`, { method: "POST" })
    expect(rerun.status).toBe(201)
    const again = (await (await fetch(`${server.url}/api/analyses/${((await rerun.json()) as { id: string }).id}`)).json()) as ApiAnalysis
    expect(again.statements).toBe(meta.statements)
    expect(again.moreInputs).toEqual(meta.moreInputs)
    expect(again.ledger.files?.map((f) => f.event)).toEqual(["Udsagn tabel", "Udsagn utf8"])
    expect(again.ledger.notes).toEqual(meta.ledger.notes)
  })

  it("refuses a notes file of another type with a Danish 400, leaving nothing behind", async () => {
    const before = entries(dir)
    const res = await upload(server, sourcesForm([{ bytes: new TextEncoder().encode("%PDF-1.4"), name: "referat.pdf" }]))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/^Notatfilen »referat\.pdf« skal være Markdown \(\.md\), tekst \(\.txt\) eller Word \(\.docx\)/)
    expect(entries(dir)).toEqual(before)
  })

  it("refuses a broken Word file as notes with a Danish 400 that names no server path", async () => {
    const before = entries(dir)
    const res = await upload(server, sourcesForm([{ bytes: new TextEncoder().encode("ikke en zip"), name: "noter.docx" }]))
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: string }
    expect(error).toMatch(/^Notatfilen noter\.docx er ikke en gyldig Word-fil/)
    expect(error).not.toContain(dir)
    expect(entries(dir)).toEqual(before)
  })

  it("names the second export when it is the one that cannot be read", async () => {
    const res = await upload(server, sourcesForm([], "bad/header-only.csv"))
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: string }
    expect(error).toContain("header-only.csv")
    expect(error).not.toContain(dir)
  })

  it("refuses more than ten exports in one upload instead of dropping any", async () => {
    const before = entries(dir)
    const data = new FormData()
    for (let i = 0; i < 11; i++) data.append("file", part("udsagn-utf8.csv"), `svar-${i}.csv`)
    const res = await upload(server, data)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/^Vælg højst 10 filer med svar/)
    expect(entries(dir)).toEqual(before)
  })

  it("offers several files and notes in the upload form", async () => {
    const page = await (await fetch(server.url)).text()
    expect(page).toMatch(/<input[^>]*name="file"[^>]*multiple/)
    expect(page).toMatch(/<input[^>]*name="notes"[^>]*accept="\.md,\.txt,\.docx" multiple/)
    expect(page).toContain("Noter fra oplæg og drøftelser")
  })
})
