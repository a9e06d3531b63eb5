import { hashPassword } from "@udsagn/web/Access"
import { AnalyzerInChild } from "@udsagn/web/AnalyzerLive"
import { type RunningServer, startWebServer } from "@udsagn/web/Server"
import type { WebSettings } from "@udsagn/web/WebConfig"
import * as fs from "node:fs"
import { request } from "node:http"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fixture, runCli, tempDir } from "./support.js"

// Issue 16, "a server that survives" and "web hygiene": real HTTP against the real app on
// 127.0.0.1 (ephemeral port), analyses in their child processes.

const servers: Array<RunningServer> = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
})

const start = async (settings: Partial<WebSettings> & { readonly reportsDir: string }, host = "127.0.0.1") => {
  const server = await startWebServer({ host, settings, analyzer: AnalyzerInChild })
  servers.push(server)
  return server
}

/** A CSV of `n` generated answers: big enough to keep an analysis busy for many seconds. */
const bigCsv = (n: number) => {
  const words = "patienter borgere tid samtale sygeplejerske kommunikation forståelse hospital læge ansvar ildsjæle strategi pårørende sundhed viden tillid information digital hjælp ventetid".split(" ")
  let seed = 7
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const lines = ["Spørgsmål,Svar"]
  for (let i = 0; i < n; i++) {
    const ws = Array.from({ length: 6 + Math.floor(next() * 10) }, () => words[Math.floor(next() * words.length)])
    lines.push(`Hvad tager du med hjem?,${ws.join(" ")} ${i}`)
  }
  return new TextEncoder().encode(lines.join("\n") + "\n")
}

const form = (bytes: Uint8Array, name: string) => {
  const data = new FormData()
  data.append("file", new Blob([bytes]), name)
  return data
}

/** A raw request, so the test can send any `Host` header (fetch sets its own). */
const raw = (url: string, options: { method?: string; headers?: Record<string, string>; body?: string }) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: options.headers ?? {} }, (res) => {
      let body = ""
      res.on("data", (d) => (body += d))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on("error", reject)
    req.end(options.body)
  })

/** Waits until the analysis is no longer queued or running; answers its last API answer. */
const settle = async (server: RunningServer, id: string, limitMs: number) => {
  const until = Date.now() + limitMs
  for (;;) {
    const res = await fetch(`${server.url}/api/analyses/${id}`)
    const body = (await res.json()) as { status?: string; error?: string }
    if (res.status !== 202 || Date.now() > until) return { status: res.status, body }
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** Everything under a folder, relative, with dot-files (leftovers would show here). */
const tree = (dir: string): Array<string> =>
  fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).map((n) => n.split(path.sep).join("/")).sort()

const leftovers = (dir: string) => tree(dir).filter((n) => /(^|\/)(\.tmp-|\.job-|overrides\.pending-|\.[0-9a-z-]+-[A-Za-z0-9]{6}$)/.test(n))

describe("a server that survives", () => {
  it("answers other requests within 1 s while a big analysis runs; the analysis past its time limit shows as failed and leaves nothing behind", async () => {
    const dir = tempDir("udsagn-harden-slow-")
    const server = await start({ reportsDir: dir, analysisTimeoutMs: 8_000 })
    // Large enough to run well past the 8 s limit (20,000 answers no longer do).
    const posted = await fetch(`${server.url}/analyser`, {
      method: "POST",
      body: form(bigCsv(100_000), "stor.csv"),
      redirect: "manual",
      headers: { origin: server.url }
    })
    expect(posted.status).toBe(303)
    const id = posted.headers.get("location")!.split("/").pop()!
    // Wait until the child is really at work, then time the front page and the API.
    const until = Date.now() + 8_000
    while (Date.now() < until) {
      const state = (await (await fetch(`${server.url}/api/analyses/${id}`)).json()) as { status?: string; stage?: string }
      if (state.status === "running" && state.stage !== "ingest") break
      await new Promise((r) => setTimeout(r, 100))
    }
    for (const url of ["/", "/api/analyses", "/assets/style.css"]) {
      const began = performance.now()
      const res = await fetch(`${server.url}${url}`)
      await res.arrayBuffer()
      expect(res.status).toBe(200)
      expect(performance.now() - began).toBeLessThan(1_000)
    }
    const done = await settle(server, id, 30_000)
    expect(done.status).toBe(200)
    expect(done.body.status).toBe("failed")
    expect(done.body.error).toMatch(/Analysen fejlede – prøv at uploade filen igen/)
    const page = await fetch(`${server.url}/analyser/${id}`)
    expect(await page.text()).toContain("prøv at uploade filen igen")
    expect(leftovers(dir)).toEqual([])
    // Only the record of why it failed (the Danish line, no data), so a restart still says so.
    expect(tree(dir).filter((n) => n.includes(id))).toEqual([`.failed-${id}`])
    expect(JSON.parse(fs.readFileSync(path.join(dir, `.failed-${id}`), "utf8"))).toEqual({ kind: "input", message: done.body.error })
    servers.splice(servers.indexOf(server), 1)
    await server.close()
    const restarted = await start({ reportsDir: dir })
    expect(await settle(restarted, id, 5_000)).toMatchObject({ status: 200, body: { status: "failed", error: done.body.error } })
  }, 90_000)

  it("an analysis that runs out of memory shows as failed in Danish, and leaves nothing behind", async () => {
    const dir = tempDir("udsagn-harden-oom-")
    const server = await start({ reportsDir: dir, analysisMemoryMb: 64, analysisTimeoutMs: 60_000 })
    const res = await fetch(`${server.url}/api/analyses`, { method: "POST", body: form(bigCsv(20_000), "stor.csv") })
    const body = (await res.json()) as { error?: string }
    expect(res.status).toBe(400)
    expect(body.error).toMatch(/Analysen fejlede.*prøv at uploade filen igen/)
    expect(leftovers(dir)).toEqual([])
  }, 90_000)

  it("after a restart, an analysis cut off mid-run answers 'failed, upload again' (not 404); its raw upload and other leftovers are gone", async () => {
    const dir = tempDir("udsagn-harden-restart-")
    const cut = "3f2b8c1e-9a7d-4e6f-8b5a-1c2d3e4f5a6b"
    fs.mkdirSync(path.join(dir, `.tmp-${cut}`, "runs", "r1", ".r1-abc123"), { recursive: true })
    fs.writeFileSync(path.join(dir, `.tmp-${cut}`, "konference.csv"), "Spørgsmål,Svar\nHvad?,CPR 010190-1109\n")
    const other = "4f2b8c1e-9a7d-4e6f-8b5a-1c2d3e4f5a6b"
    fs.mkdirSync(path.join(dir, other))
    fs.writeFileSync(path.join(dir, other, "overrides.pending-1a2b3c4d.json"), "[]")
    const server = await start({ reportsDir: dir })
    expect(leftovers(dir)).toEqual([])
    expect(fs.existsSync(path.join(dir, `.tmp-${cut}`))).toBe(false)
    const api = await fetch(`${server.url}/api/analyses/${cut}`)
    expect(api.status).toBe(200)
    expect(await api.json()).toMatchObject({ id: cut, status: "failed", error: expect.stringMatching(/prøv at uploade filen igen/) })
    const page = await fetch(`${server.url}/analyser/${cut}`)
    expect(page.status).not.toBe(404)
    expect(await page.text()).toContain("prøv at uploade filen igen")
  }, 60_000)

  it("a read-only reports folder gives the storage message, not 'uventet fejl'", async () => {
    // As root a chmod does not stop writes; /sys/fs is read-only for everyone.
    let dir = "/sys/fs"
    if (process.getuid?.() !== 0) {
      dir = tempDir("udsagn-harden-ro-")
      fs.chmodSync(dir, 0o500)
    }
    const server = await start({ reportsDir: dir })
    const res = await fetch(`${server.url}/api/analyses`, { method: "POST", body: form(fs.readFileSync(fixture("udsagn-utf8.csv")), "a.csv") })
    const body = (await res.json()) as { error: string }
    expect(res.status).toBe(500)
    expect(body.error).toMatch(/kunne ikke gemmes eller læses på disken/)
    expect(body.error).not.toMatch(/uventet/)
    const page = await fetch(`${server.url}/analyser`, {
      method: "POST",
      body: form(fs.readFileSync(fixture("udsagn-utf8.csv")), "a.csv"),
      headers: { origin: server.url },
      redirect: "manual"
    })
    expect(page.status).toBe(500)
    expect(await page.text()).toContain("kunne ikke gemmes eller læses på disken")
  }, 60_000)
})

describe("one finished analysis", () => {
  let server: RunningServer
  let dir: string
  let id: string
  const bidiText = "Mere tid til \u202Eenrettap\u202C og \u2066pårørende\u2069 \u200Fnu"

  beforeAll(async () => {
    dir = tempDir("udsagn-harden-done-")
    server = await start({ reportsDir: dir })
    const csv = fs.readFileSync(fixture("udsagn-utf8.csv"), "utf8") + `Hvad tager du med hjem fra i dag?,${bidiText}\n`
    const res = await fetch(`${server.url}/api/analyses`, { method: "POST", body: form(new TextEncoder().encode(csv), "bidi.csv") })
    expect(res.status).toBe(201)
    id = ((await res.json()) as { id: string }).id
  }, 120_000)

  it("request bodies over the limit get 413 with a Danish JSON error, not a dropped connection", async () => {
    const big = JSON.stringify([{ id: "s0001", themes: ["other"], note: "x".repeat(6 * 1024 * 1024) }])
    const put = await fetch(`${server.url}/api/analyses/${id}/overrides`, { method: "PUT", body: big, headers: { "content-type": "application/json" } })
    expect(put.status).toBe(413)
    expect(((await put.json()) as { error: string }).error).toMatch(/for stor/)
    const post = await fetch(`${server.url}/analyser/${id}/gennemgang`, {
      method: "POST",
      body: new URLSearchParams({ vist: "x".repeat(6 * 1024 * 1024) }),
      headers: { origin: server.url },
      redirect: "manual"
    })
    expect(post.status).toBe(413)
    // Sent without a length (chunked): read to the end and answered, not reset.
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 6; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024 * 1024)))
        controller.close()
      }
    })
    const streamed = await fetch(`${server.url}/api/analyses/${id}/overrides`, {
      method: "PUT",
      body: chunked,
      headers: { "content-type": "application/json" },
      duplex: "half"
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(((await streamed.json()) as { error: string }).error).toMatch(/for stor/)
  }, 60_000)

  it("refuses overrides for statement ids the analysis does not have, naming them", async () => {
    const put = await fetch(`${server.url}/api/analyses/${id}/overrides`, {
      method: "PUT",
      body: JSON.stringify([{ id: "s9999", themes: ["other"] }, { id: "findes-ikke", themes: ["other"] }]),
      headers: { "content-type": "application/json" }
    })
    expect(put.status).toBe(400)
    const error = ((await put.json()) as { error: string }).error
    expect(error).toContain("s9999")
    expect(error).toContain("findes-ikke")
    expect(error).toMatch(/analysen ikke har/)
  })

  it("stores folders 0700 and files 0600 (the raw upload especially)", () => {
    const mode = (p: string) => fs.statSync(p).mode & 0o777
    expect(mode(dir)).toBe(0o700)
    expect(mode(path.join(dir, id))).toBe(0o700)
    const files = tree(path.join(dir, id)).map((n) => path.join(dir, id, n))
    expect(files.some((f) => f.endsWith(".csv"))).toBe(true)
    for (const f of files) expect([f, mode(f)]).toEqual([f, fs.statSync(f).isDirectory() ? 0o700 : 0o600])
  })

  it("shows statement text without bidi controls on the pages", async () => {
    const page = await (await fetch(`${server.url}/analyser/${id}/gennemgang?soeg=enrettap`)).text()
    expect(page).toContain("enrettap")
    expect(page).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/)
  })

  it("CSRF: refuses Origin null, foreign origins and page posts without origin or fetch metadata; same-origin posts pass", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/analyser/${id}/gennemgang`, { method: "POST", body: new URLSearchParams({ vist: "s0001" }), headers, redirect: "manual" })
    expect((await post({ origin: "null" })).status).toBe(403)
    expect((await post({ origin: "http://evil.example" })).status).toBe(403)
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403)
    expect((await post({ "sec-fetch-site": "same-site" })).status).toBe(403)
    expect((await post({ origin: "null", "sec-fetch-site": "cross-site" })).status).toBe(403)
    expect((await post({ origin: "http://evil.example", "sec-fetch-site": "same-origin" })).status).toBe(403)
    expect((await post({})).status).toBe(403)
    expect((await post({ "sec-fetch-site": "same-origin" })).status).toBe(303)
    expect((await post({ origin: server.url })).status).toBe(303)
    // What Chromium sends for the pages' own forms (the pages' referrer policy is no-referrer).
    expect((await post({ origin: "null", "sec-fetch-site": "same-origin" })).status).toBe(303)
    const del = await fetch(`${server.url}/api/corrections/x`, { method: "DELETE", headers: { origin: "null" } })
    expect(del.status).toBe(403)
  })

  it("parses Host strictly: userinfo, bad ports and foreign names are refused", async () => {
    const port = server.port
    for (const host of [`127.0.0.1:1@evil.example`, "evil@127.0.0.1", "127.0.0.1:99999", "127.0.0.1:0", "127.0.0.1:abc", "127.0.0.1/x"]) {
      const res = await raw(`${server.url}/`, { headers: { host } })
      expect([host, res.status]).toEqual([host, 400])
    }
    expect((await raw(`${server.url}/`, { headers: { host: "evil.example" } })).status).toBe(421)
    expect((await raw(`${server.url}/`, { headers: { host: `localhost:${port}` } })).status).toBe(200)
    expect((await raw(`${server.url}/`, { headers: { host: `[::1]:${port}` } })).status).toBe(200)
  })
})

describe("access password", () => {
  it("refuses to start on a non-loopback address without a password", async () => {
    await expect(startWebServer({ host: "0.0.0.0", settings: { reportsDir: tempDir("udsagn-harden-pw-") }, analyzer: AnalyzerInChild }))
      .rejects.toThrow(/adgangskode/)
  })

  it("udsagn serve --host 0.0.0.0 without a password ends with one Danish line, before listening", async () => {
    const env: Record<string, string> = { UDSAGN_PASSWORD: "" }
    const run = await runCli(["serve", "--host", "0.0.0.0", "--port", "0", "--reports-dir", tempDir("udsagn-harden-pw-")], { env })
    expect(run.code).toBe(1)
    expect(run.stdout).not.toMatch(/kører på/)
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Fejl: Serveren skal lytte på 0\.0\.0\.0.*adgangskode/)])
  }, 60_000)

  it("with a password, every request needs it (HTTP Basic); the right one opens", async () => {
    const server = await start({ reportsDir: tempDir("udsagn-harden-pw-"), password: hashPassword("hemmelig æøå") })
    const basic = (p: string) => ({ authorization: `Basic ${Buffer.from(`udsagn:${p}`).toString("base64")}` })
    const none = await fetch(`${server.url}/`)
    expect(none.status).toBe(401)
    expect(none.headers.get("www-authenticate")).toMatch(/^Basic/)
    expect((await fetch(`${server.url}/api/analyses`, { headers: basic("forkert") })).status).toBe(401)
    expect((await fetch(`${server.url}/`, { headers: basic("hemmelig æøå") })).status).toBe(200)
    expect((await fetch(`${server.url}/api/analyses`, { headers: basic("hemmelig æøå") })).status).toBe(200)
  })
})
