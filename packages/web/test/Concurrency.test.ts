import { readdirSync } from "node:fs"
import { afterAll, describe, expect, it } from "vitest"
import type { RunningServer } from "../src/Server.js"
import { form, freshDir, sample, start, upload, uuid } from "./helpers.js"

// Ten uploads at once, then a restart on the same storage folder.

const servers: Array<RunningServer> = []
afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined)
})

describe("many uploads and a restart", () => {
  it("ten concurrent uploads all succeed or fail cleanly, and survive a restart", async () => {
    const dir = freshDir("concurrent")
    const first = await start(dir)
    servers.push(first)
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        upload(first, form({ path: sample, name: `konference-${i}.xlsx` })).then(async (res) => ({
          status: res.status,
          body: (await res.json()) as { id?: string; statements?: number; error?: string }
        }))
      )
    )
    for (const r of results) {
      // Clean: either a finished analysis, or a clear error and nothing half-written.
      if (r.status === 201) {
        expect(r.body.id).toMatch(uuid)
        expect(r.body.statements).toBe(174)
      } else {
        expect([400, 413, 500, 503]).toContain(r.status)
        expect(typeof r.body.error).toBe("string")
      }
    }
    const ok = results.filter((r) => r.status === 201).map((r) => r.body.id!)
    expect(ok).toHaveLength(10)
    expect(new Set(ok).size).toBe(10)
    // Only finished analyses in the folder: no temp leftovers.
    expect(readdirSync(dir).sort()).toEqual([...ok].sort())

    const listed = (await (await fetch(`${first.url}/api/analyses`)).json()) as Array<{ id: string }>
    expect(listed.map((a) => a.id).sort()).toEqual([...ok].sort())

    await first.close()
    servers.pop()
    const second = await start(dir)
    servers.push(second)
    const again = (await (await fetch(`${second.url}/api/analyses`)).json()) as Array<{ id: string }>
    expect(again.map((a) => a.id).sort()).toEqual([...ok].sort())
    const page = await (await fetch(`${second.url}/`)).text()
    for (const id of ok) expect(page).toContain(id)
  }, 180_000)

  it("does not list a folder whose analysis.json is missing or broken", async () => {
    const dir = freshDir("broken")
    const server = await start(dir)
    servers.push(server)
    const res = await upload(server, form({ path: sample, name: "a.xlsx" }))
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    const { writeFileSync, mkdirSync } = await import("node:fs")
    const { join } = await import("node:path")
    // A crash mid-way would leave a folder like these: never shown as an analysis.
    mkdirSync(join(dir, "3f2b8c1e-9a7d-4e6f-8b5a-1c2d3e4f5a6b"))
    mkdirSync(join(dir, "4f2b8c1e-9a7d-4e6f-8b5a-1c2d3e4f5a6b"))
    writeFileSync(join(dir, "4f2b8c1e-9a7d-4e6f-8b5a-1c2d3e4f5a6b", "analysis.json"), "{\"id\": \"4f2b8c1e-9a7d")
    mkdirSync(join(dir, `.tmp-${crypto.randomUUID()}`))
    const list = (await (await fetch(`${server.url}/api/analyses`)).json()) as Array<{ id: string }>
    expect(list.map((a) => a.id)).toEqual([id])
    expect((await fetch(`${server.url}/analyser/4f2b8c1e-9a7d-4e6f-8b5a-1c2d3e4f5a6b`)).status).toBe(404)
  }, 60_000)
})
