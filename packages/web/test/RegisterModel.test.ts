import { describe, expect, it } from "vitest"
import { applyDraftAction, editedDraftJson, resolveDraft, sourceItems } from "../src/RegisterDraft.js"
import { linkEntries, suggestLinks, unlinkEntry } from "../src/RegisterLinks.js"
import { checkChange, emptyRegister, forgetAnalysis, type RegisterEntry, type RegisterFile, sendToRegister, withCurrentEvents } from "../src/RegisterModel.js"

// The register's rules without HTTP: drafts arranged, sending, links, forgetting an analysis.

const now = "2025-04-24T10:00:00.000Z"

const entry = (id: string, analysisId: string, theme: string, text: string, extra: Partial<RegisterEntry> = {}): RegisterEntry => ({
  id,
  analysisId,
  event: `Konference ${analysisId}`,
  analysisCreatedAt: now,
  sources: [theme],
  theme,
  themeLabel: theme,
  text,
  sentText: text,
  statements: ["s0001"],
  statementCount: 1,
  status: "forslag",
  date: "2025-04-24",
  note: "",
  createdAt: now,
  updatedAt: now,
  ...extra
})

const draft = {
  event: "Konference",
  recommendations: [
    { theme: "a", themeLabel: "Tema A", headline: "Headline A", statementCount: 2, statementIds: ["s1", "s2"], quotes: [], actions: [], lowHangingFruit: [], questions: [] },
    {
      theme: "b",
      themeLabel: "Tema B",
      headline: "Headline B",
      statementCount: 5,
      statementIds: ["s3", "s4", "s5", "s6", "s7"],
      topics: [
        { label: "tolke", text: "Flere tolke", supporters: 2, statementCount: 2, statementIds: ["s3", "s4"], proposals: [] },
        { label: "breve", text: "Klarere breve", supporters: 2, statementCount: 2, statementIds: ["s5", "s6"], proposals: [] },
        { label: "sundhed.dk", text: "Enklere sundhed.dk", supporters: 1, statementCount: 1, statementIds: ["s7"], proposals: [] }
      ]
    }
  ]
}

describe("a draft arranged before it goes out", () => {
  const sources = sourceItems(draft)

  it("has one item per theme, or per sub-topic when the draft has them", () => {
    expect(sources.map((s) => s.key)).toEqual(["a", "b#tolke", "b#breve", "b#sundhed.dk"])
    expect(sources[1]).toMatchObject({ subTopic: "tolke", text: "Flere tolke", supporters: 2, statements: ["s3", "s4"] })
  })

  it("merges, drops, splits and restores; typed wording is kept through every action", () => {
    const start = resolveDraft(sources, undefined)
    const merged = applyDraftAction(start, new Map([[0, "Ny A"]]), { kind: "merge", indices: [1, 2] }, now)
    let resolved = resolveDraft(sources, merged)
    expect(resolved.items.map((i) => i.text)).toEqual(["Ny A", "Flere tolke Klarere breve", "Enklere sundhed.dk"])
    expect(resolved.items[1]).toMatchObject({ subTopic: "tolke og breve", supporters: 4, statements: ["s3", "s4", "s5", "s6"] })
    resolved = resolveDraft(sources, applyDraftAction(resolved, new Map(), { kind: "drop", index: 2 }, now))
    expect(resolved.dropped.map((s) => s.key)).toEqual(["b#sundhed.dk"])
    resolved = resolveDraft(sources, applyDraftAction(resolved, new Map(), { kind: "split", index: 1 }, now))
    expect(resolved.items.map((i) => i.text)).toEqual(["Ny A", "Flere tolke", "Klarere breve"])
    resolved = resolveDraft(sources, applyDraftAction(resolved, new Map(), { kind: "restore", key: "b#sundhed.dk" }, now))
    expect(resolved.dropped).toEqual([])
    expect(resolved.items.map((i) => i.sources[0]!.key)).toEqual(["a", "b#tolke", "b#breve", "b#sundhed.dk"])
  })

  it("follows a re-run: items gone are left out, new ones come in with the pipeline's wording", () => {
    const edits = applyDraftAction(resolveDraft(sources, undefined), new Map([[1, "Mine tolke"]]), { kind: "drop", index: 3 }, now)
    const rerun = { ...draft, recommendations: [draft.recommendations[1]!, { ...draft.recommendations[0]!, theme: "c", themeLabel: "Tema C", headline: "Headline C" }] }
    const resolved = resolveDraft(sourceItems(rerun), edits)
    expect(resolved.items.map((i) => i.text)).toEqual(["Mine tolke", "Klarere breve", "Headline C"])
    expect(resolved.dropped.map((s) => s.key)).toEqual(["b#sundhed.dk"])
  })

  it("rewrites recommendations.json with the edited wording: headlines, merged sub-topics, dropped ones out", () => {
    let edits = applyDraftAction(resolveDraft(sources, undefined), new Map([[0, "Ny A"]]), { kind: "merge", indices: [1, 2] }, now)
    edits = applyDraftAction(resolveDraft(sources, edits), new Map(), { kind: "drop", index: 2 }, now)
    const out = editedDraftJson(draft, resolveDraft(sources, edits)) as typeof draft
    expect(out.recommendations.map((r) => r.headline)).toEqual(["Ny A", "Headline B"])
    expect(out.recommendations[1]!.topics).toEqual([
      { label: "Flere tolke Klarere breve", text: "Flere tolke Klarere breve", supporters: 4, statementCount: 4, statementIds: ["s3", "s4", "s5", "s6"], proposals: [] }
    ])
    // Two themes merged: one recommendation under both labels.
    const themes = applyDraftAction(resolveDraft(sourceItems({ ...draft, recommendations: [draft.recommendations[0]!, { ...draft.recommendations[0]!, theme: "c", themeLabel: "Tema C", statementIds: ["s2", "s9"] }] }), undefined), new Map(), { kind: "merge", indices: [0, 1] }, now)
    const two = { ...draft, recommendations: [draft.recommendations[0]!, { ...draft.recommendations[0]!, theme: "c", themeLabel: "Tema C", statementIds: ["s2", "s9"] }] }
    const merged = editedDraftJson(two, resolveDraft(sourceItems(two), themes)) as typeof draft
    expect(merged.recommendations).toHaveLength(1)
    expect(merged.recommendations[0]).toMatchObject({ themeLabel: "Tema A og Tema C", statementIds: ["s1", "s2", "s9"], statementCount: 3 })
  })
})

describe("sending to the register", () => {
  const from = { analysisId: "x", event: "Konference X", analysisCreatedAt: now }
  const item = (key: string, text: string) => ({ sources: [key], text, theme: key, themeLabel: key, statements: ["s1"], statementCount: 1 })
  let n = 0
  const ids = () => `id-${++n}`

  it("adds new items as forslag; sending again updates them and keeps status, note and link", () => {
    const first = sendToRegister(emptyRegister(), from, [item("a", "A"), item("b", "B"), item("c", "C")], now, ids)
    expect(first).toMatchObject({ added: 3, updated: 0, removed: 0 })
    expect(first.file.entries.every((e) => e.status === "forslag")).toBe(true)
    const decided: RegisterFile = {
      ...first.file,
      entries: first.file.entries.map((e) => e.sources[0] === "a" ? { ...e, status: "besluttet", note: "Møde 5" } : e.sources[0] === "b" ? { ...e, status: "drøftet" } : e)
    }
    const again = sendToRegister(decided, from, [item("a", "A2")], "2025-05-01T00:00:00.000Z", ids)
    expect(again).toMatchObject({ added: 0, updated: 1, removed: 1 })
    const a = again.file.entries.find((e) => e.sources[0] === "a")!
    expect(a).toMatchObject({ text: "A2", status: "besluttet", note: "Møde 5" })
    // "b" was dealt with by the committee: kept although the draft no longer has it; "c" was not.
    expect(again.file.entries.map((e) => e.sources[0])).toEqual(["a", "b"])
    expect(again.file.drafts["x"]?.sentAt).toBe("2025-05-01T00:00:00.000Z")
  })

  it("keeps wording changed in the register", () => {
    const first = sendToRegister(emptyRegister(), from, [item("a", "A")], now, ids)
    const edited = { ...first.file, entries: first.file.entries.map((e) => ({ ...e, text: "Udvalgets ordlyd" })) }
    expect(sendToRegister(edited, from, [item("a", "A3")], now, ids).file.entries[0]!.text).toBe("Udvalgets ordlyd")
  })
})

describe("links between conferences", () => {
  const entries = [
    entry("1", "x", "sprog", "Sundhedsrådene bør ansætte flere tolke i almen praksis"),
    entry("2", "y", "sprog", "Flere tolk i den almene praksis"),
    entry("3", "x", "trivsel", "Sundhedsrådene bør prioritere medarbejdertrivsel"),
    entry("4", "y", "visuel", "Sundhedsrådene bør prioritere visuel kommunikation"),
    entry("5", "x", "visuel", "Sundhedsrådene bør prioritere patientinvolvering"),
    entry("6", "z", "sprog", "Ansæt flere tolke i almen praksis")
  ]

  it("suggests the same proposal in other words (stems, æøå, rare words weigh most); not shared template words, not within one analysis", () => {
    const pairs = suggestLinks(entries, []).map((s) => [s.a.id, s.b.id].sort().join("-"))
    expect(pairs).toContain("1-2")
    expect(pairs).toContain("1-6")
    expect(pairs).toContain("2-6")
    expect(pairs).not.toContain("3-4")
    expect(pairs).not.toContain("4-5")
    expect(suggestLinks(entries, ["1|2"]).map((s) => [s.a.id, s.b.id].sort().join("-"))).not.toContain("1-2")
  })

  it("links merge, and an entry can leave; a link of one is gone", () => {
    let linked = linkEntries(entries, "1", "2", "L1")!
    linked = linkEntries(linked, "6", "7", "L2") ?? linked
    linked = linkEntries(linked, "6", "2", "L3")!
    expect(linked.filter((e) => e.link === "L1").map((e) => e.id)).toEqual(["1", "2", "6"])
    expect(suggestLinks(linked, []).map((s) => `${s.a.id}-${s.b.id}`)).not.toContain("1-2")
    const one = unlinkEntry(unlinkEntry(linked, "1")!, "2")!
    expect(one.every((e) => e.link === undefined)).toBe(true)
  })

  it("forgets an analysis: keeps its entries marked, or removes them and the links left alone", () => {
    const file: RegisterFile = { ...emptyRegister(), entries: linkEntries(entries, "1", "2", "L")!, drafts: { x: { items: [], dropped: [], updatedAt: now } } }
    const kept = forgetAnalysis(file, "x", true, now)
    expect(kept.entries.filter((e) => e.analysisDeleted === true).map((e) => e.id)).toEqual(["1", "3", "5"])
    expect(kept.drafts["x"]).toBeUndefined()
    const removed = forgetAnalysis(file, "x", false, now)
    expect(removed.entries.map((e) => e.id)).toEqual(["2", "4", "6"])
    expect(removed.entries.find((e) => e.id === "2")!.link).toBeUndefined()
  })
})

describe("events", () => {
  it("show the analysis' title and date as they are now; an analysis gone keeps what was sent, marked deleted", () => {
    const entries = [entry("1", "x", "a", "A", { eventDate: "2024-12-05" }), entry("2", "y", "a", "B")]
    const shown = withCurrentEvents(entries, [{ id: "x", title: "Konference om lighed", date: undefined }])
    expect(shown[0]).toMatchObject({ event: "Konference om lighed" })
    expect(shown[0]!.eventDate).toBeUndefined()
    expect(shown[1]).toMatchObject({ analysisDeleted: true, event: "Konference y" })
  })
})

describe("a change from outside", () => {
  it("takes text, status, note and date; refuses the rest in Danish", () => {
    expect(checkChange({ status: "i gang", note: " Møde ", text: " Ny " })).toEqual({ status: "i gang", note: "Møde", text: "Ny" })
    expect(checkChange({ status: "done" })).toMatch(/^Ukendt status »done«/)
    expect(checkChange({ date: "2025-13-45" })).toMatch(/ÅÅÅÅ-MM-DD/)
    expect(checkChange({ note: "x".repeat(1001) })).toMatch(/højst være 1000 tegn/)
    expect(checkChange(null)).toMatch(/JSON-objekt/)
  })
})
