import { readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import type { RunningServer } from "../src/Server.js"
import { form, freshDir, sample, start, upload } from "./helpers.js"

// Two reviewers save corrections to the same analysis at the same time, each on their own
// statement: both corrections must survive (no lost update).

const servers: Array<RunningServer> = []
afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined)
})

describe("two review saves at once", () => {
  it("keeps both reviewers' corrections", async () => {
    const dir = freshDir("review-race")
    const server = await start(dir)
    servers.push(server)
    const res = await upload(server, form({ path: sample, name: "konference.xlsx" }))
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    const rows = (await (await fetch(`${server.url}/api/analyses/${id}/statements.json`)).json()) as Array<
      { id: string; themes: Array<string> }
    >
    const [a, b] = rows.filter((r) => r.themes.length === 1 && r.themes[0] === "visual-communication")
    expect(a && b).toBeTruthy()

    const save = (statement: string) => {
      const body = new URLSearchParams()
      body.append("vist", statement)
      body.append(`tema:${statement}`, "staff-burnout")
      return fetch(`${server.url}/analyser/${id}/gennemgang`, { method: "POST", body, redirect: "manual", headers: { origin: server.url } })
    }
    const answers = await Promise.all([save(a!.id), save(b!.id)])
    expect(answers.map((r) => r.status)).toEqual([303, 303])

    const saved = JSON.parse(readFileSync(join(dir, id, "overrides.json"), "utf8")) as Array<{ id: string; themes: Array<string> }>
    expect(saved.map((o) => o.id).sort()).toEqual([a!.id, b!.id].sort())
    const after = (await (await fetch(`${server.url}/api/analyses/${id}/statements.json`)).json()) as Array<
      { id: string; themes: Array<string> }
    >
    for (const s of [a!, b!]) expect(after.find((r) => r.id === s.id)!.themes).toEqual(["staff-burnout"])
  }, 120_000)

  it("does not undo a colleague's correction to a statement both pages showed but only one changed", async () => {
    const dir = freshDir("review-overlap")
    const server = await start(dir)
    servers.push(server)
    const res = await upload(server, form({ path: sample, name: "konference.xlsx" }))
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    // Both reviewers opened the same page: each form carries both statements as they were shown.
    const page = await (await fetch(`${server.url}/analyser/${id}/gennemgang?tema=visual-communication`)).text()
    const rows = (await (await fetch(`${server.url}/api/analyses/${id}/statements.json`)).json()) as Array<
      { id: string; themes: Array<string> }
    >
    const [a, b] = rows.filter((r) => r.themes.length === 1 && r.themes[0] === "visual-communication")
    const formFor = (change: string) => {
      const body = new URLSearchParams()
      for (const s of [a!, b!]) {
        body.append("vist", s.id)
        const before = new RegExp(`name="foer:${s.id}" value="([^"]*)"`).exec(page)?.[1]
        if (before !== undefined) body.append(`foer:${s.id}`, before)
        body.append(`tema:${s.id}`, s.id === change ? "staff-burnout" : "visual-communication")
      }
      return body
    }
    // The first save finishes before the second is sent, as when two people click a moment apart.
    const first = await fetch(`${server.url}/analyser/${id}/gennemgang`, { method: "POST", body: formFor(a!.id), redirect: "manual", headers: { origin: server.url } })
    expect(first.status).toBe(303)
    const second = await fetch(`${server.url}/analyser/${id}/gennemgang`, { method: "POST", body: formFor(b!.id), redirect: "manual", headers: { origin: server.url } })
    expect(second.status).toBe(303)
    const after = (await (await fetch(`${server.url}/api/analyses/${id}/statements.json`)).json()) as Array<
      { id: string; themes: Array<string> }
    >
    for (const s of [a!, b!]) expect(after.find((r) => r.id === s.id)!.themes, s.id).toEqual(["staff-burnout"])
  }, 120_000)
})
