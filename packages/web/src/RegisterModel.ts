import { Schema } from "effect"
import type { DraftItem } from "./RegisterDraft.js"

// The register of recommendations (issue 15): every recommendation the administration sent
// from an analysis, with the status the committee gave it. Kept in `<reports>/anbefalinger/
// register.json`; this file is its schema and the pure rules for changing it.

export const statuses = ["forslag", "drøftet", "besluttet", "i gang", "afvist"] as const
export const Status = Schema.Literal(...statuses)
export type Status = typeof Status.Type

export const statusLabels: Record<Status, string> = {
  "forslag": "Forslag",
  "drøftet": "Drøftet",
  "besluttet": "Besluttet",
  "i gang": "I gang",
  "afvist": "Afvist"
}

export const isStatus = (u: unknown): u is Status => typeof u === "string" && (statuses as ReadonlyArray<string>).includes(u)

export const invalidStatusMessage = (value: unknown) =>
  `Ukendt status${typeof value === "string" ? ` »${value.slice(0, 40)}«` : ""}. Vælg en af: ${statuses.join(", ")}.`

const isoDay = /^\d{4}-\d{2}-\d{2}$/
export const Day = Schema.String.pipe(Schema.pattern(isoDay))

export const maxTextLength = 2000
export const maxNoteLength = 1000

export type RegisterEntry = typeof RegisterEntry.Type
export const RegisterEntry = Schema.Struct({
  id: Schema.String,
  analysisId: Schema.String,
  /** The analysis was deleted and its recommendations kept: its pages are gone. */
  analysisDeleted: Schema.optional(Schema.Boolean),
  /** The event's title and date (YYYY-MM-DD) when the analysis had one. */
  event: Schema.String,
  eventDate: Schema.optional(Schema.String),
  /** When the analysis was made: the year of an event without a date. */
  analysisCreatedAt: Schema.String,
  /** The draft items it was made from (`theme` or `theme#sub-topic`, several when merged). */
  sources: Schema.Array(Schema.String),
  theme: Schema.String,
  themeLabel: Schema.String,
  subTopic: Schema.optional(Schema.String),
  /** The wording as the administration edited it (in the register or before it was sent). */
  text: Schema.String,
  /** The wording as it was sent from the analysis. */
  sentText: Schema.String,
  statements: Schema.Array(Schema.String),
  statementCount: Schema.Number,
  /** Participants who proposed it, when the draft counted them (sub-topic recommendations). */
  supporters: Schema.optional(Schema.Number),
  status: Status,
  /** The day of the status (e.g. the committee meeting), YYYY-MM-DD. */
  date: Day,
  note: Schema.String,
  /** Recommendations a person confirmed say the same share a link id. */
  link: Schema.optional(Schema.String),
  createdAt: Schema.String,
  updatedAt: Schema.String
})

/** One draft item as the administration arranged it: the items it is made of and its wording. */
export type DraftItemEdit = typeof DraftItemEdit.Type
export const DraftItemEdit = Schema.Struct({
  sources: Schema.NonEmptyArray(Schema.String),
  text: Schema.String
})

export type DraftEdits = typeof DraftEdits.Type
export const DraftEdits = Schema.Struct({
  items: Schema.Array(DraftItemEdit),
  dropped: Schema.Array(Schema.String),
  updatedAt: Schema.String,
  sentAt: Schema.optional(Schema.String)
})

export type RegisterFile = typeof RegisterFile.Type
export const RegisterFile = Schema.Struct({
  version: Schema.Literal(1),
  entries: Schema.Array(RegisterEntry),
  drafts: Schema.Record({ key: Schema.String, value: DraftEdits }),
  /** Suggested links a person said are not the same (`id|id`, sorted). */
  dismissed: Schema.Array(Schema.String)
})

export const emptyRegister = (): RegisterFile => ({ version: 1, entries: [], drafts: {}, dismissed: [] })

/** What `PUT /api/recommendations/:id` and the register page's form may change. */
export interface EntryChange {
  readonly text?: string
  readonly status?: Status
  readonly note?: string
  readonly date?: string
}

/** Checks a change from outside; a Danish message when it cannot be taken. */
export const checkChange = (body: unknown): EntryChange | string => {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return "Send et JSON-objekt med mindst ét af felterne text, status og note."
  }
  const b = body as Record<string, unknown>
  const unknownKeys = Object.keys(b).filter((k) => !["text", "status", "note", "date"].includes(k))
  if (unknownKeys.length > 0) return `Ukendt felt: ${unknownKeys.slice(0, 5).join(", ")}. Kun text, status, note og date kan ændres.`
  const out: { text?: string; status?: Status; note?: string; date?: string } = {}
  if ("status" in b) {
    if (!isStatus(b["status"])) return invalidStatusMessage(b["status"])
    out.status = b["status"]
  }
  if ("text" in b) {
    const text = b["text"]
    if (typeof text !== "string" || text.trim() === "") return "Anbefalingens tekst må ikke være tom."
    if (text.length > maxTextLength) return `Anbefalingens tekst må højst være ${maxTextLength} tegn.`
    out.text = text.trim()
  }
  if ("note" in b) {
    const note = b["note"]
    if (typeof note !== "string") return "Noten skal være tekst."
    if (note.length > maxNoteLength) return `Noten må højst være ${maxNoteLength} tegn.`
    out.note = note.trim()
  }
  if ("date" in b) {
    const date = b["date"]
    if (typeof date !== "string" || !isoDay.test(date) || Number.isNaN(Date.parse(date))) {
      return "Datoen skal skrives som ÅÅÅÅ-MM-DD, fx 2025-04-24."
    }
    out.date = date
  }
  if (Object.keys(out).length === 0) return "Send mindst ét af felterne text, status og note."
  return out
}

export const today = () => new Date().toISOString().slice(0, 10)

/** A changed entry; a new status without a date is dated today. */
export const applyChange = (entry: RegisterEntry, change: EntryChange, now: string): RegisterEntry => ({
    ...entry,
    ...(change.text !== undefined ? { text: change.text } : {}),
    ...(change.note !== undefined ? { note: change.note } : {}),
    ...(change.status !== undefined ? { status: change.status } : {}),
    date: change.date ?? (change.status !== undefined && change.status !== entry.status ? now.slice(0, 10) : entry.date),
    updatedAt: now
  })

// ---- Filters (the register page's query and the API's) ----

export interface RegisterFilter {
  readonly status?: Status
  readonly theme?: string
  readonly analysis?: string
  readonly year?: string
}

export const yearOf = (e: Pick<RegisterEntry, "eventDate" | "analysisCreatedAt">) => (e.eventDate ?? e.analysisCreatedAt).slice(0, 4)

export const filterFromParams = (params: URLSearchParams): RegisterFilter => {
  const pick = (k: string) => {
    const v = params.get(k)?.trim()
    return v === undefined || v === "" ? undefined : v
  }
  const status = pick("status")
  const theme = pick("tema")
  const analysis = pick("begivenhed")
  const year = pick("aar")
  return {
    ...(isStatus(status) ? { status } : {}),
    ...(theme !== undefined ? { theme } : {}),
    ...(analysis !== undefined ? { analysis } : {}),
    ...(year !== undefined && /^\d{4}$/.test(year) ? { year } : {})
  }
}

export const filterQuery = (f: RegisterFilter) => {
  const q = new URLSearchParams()
  if (f.status) q.set("status", f.status)
  if (f.theme) q.set("tema", f.theme)
  if (f.analysis) q.set("begivenhed", f.analysis)
  if (f.year) q.set("aar", f.year)
  const s = q.toString()
  return s === "" ? "" : `?${s}`
}

export const matches = (f: RegisterFilter) => (e: RegisterEntry) =>
  (f.status === undefined || e.status === f.status) &&
  (f.theme === undefined || e.theme === f.theme) &&
  (f.analysis === undefined || e.analysisId === f.analysis) &&
  (f.year === undefined || yearOf(e) === f.year)

/** The analyses (events) an entry was raised at: itself and every entry linked to it. */
export const linkedEntries = (entries: ReadonlyArray<RegisterEntry>, e: RegisterEntry) =>
  e.link === undefined ? [e] : entries.filter((x) => x.link === e.link)

export const conferencesOf = (entries: ReadonlyArray<RegisterEntry>, e: RegisterEntry) =>
  [...new Map(linkedEntries(entries, e).map((x) => [x.analysisId, x])).values()]

/** Entries with the title and date their analysis has now (they can be edited after sending). */
export const withCurrentEvents = (
  entries: ReadonlyArray<RegisterEntry>,
  analyses: ReadonlyArray<{ readonly id: string; readonly title: string; readonly date?: string | undefined }>
): ReadonlyArray<RegisterEntry> => {
  const byId = new Map(analyses.map((a) => [a.id as string, a]))
  return entries.map((e) => {
    const a = byId.get(e.analysisId)
    // Gone without the register being told (deleted by hand): shown as from a deleted analysis.
    if (a === undefined) return e.analysisDeleted === true ? e : { ...e, analysisDeleted: true }
    if (a.title === e.event && a.date === e.eventDate) return e
    const { eventDate: _d, ...rest } = e
    return { ...rest, event: a.title, ...(a.date !== undefined ? { eventDate: a.date } : {}) }
  })
}

/** The API's view of an entry. */
export const entryJson = (entries: ReadonlyArray<RegisterEntry>, e: RegisterEntry) => ({
  id: e.id,
  analysisId: e.analysisId,
  event: e.event,
  ...(e.eventDate !== undefined ? { eventDate: e.eventDate } : {}),
  theme: e.theme,
  themeLabel: e.themeLabel,
  ...(e.subTopic !== undefined ? { subTopic: e.subTopic } : {}),
  text: e.text,
  status: e.status,
  date: e.date,
  note: e.note,
  statements: e.statements,
  statementCount: e.statementCount,
  ...(e.supporters !== undefined ? { supporters: e.supporters } : {}),
  linked: linkedEntries(entries, e).filter((x) => x.id !== e.id).map((x) => x.id),
  conferences: conferencesOf(entries, e).length,
  ...(e.analysisDeleted === true ? { analysisDeleted: true } : {}),
  createdAt: e.createdAt,
  updatedAt: e.updatedAt
})

// ---- Sending a draft, forgetting an analysis ----

/** What the register needs of the analysis a draft is sent from. */
export interface SentFrom {
  readonly analysisId: string
  readonly event: string
  readonly eventDate?: string
  readonly analysisCreatedAt: string
}

/** One item as it is sent: a `RegisterDraft.DraftItem` with its sources by key. */
export interface SentItem extends Omit<DraftItem, "sources"> {
  readonly sources: ReadonlyArray<string>
}

export interface SendResult {
  readonly file: RegisterFile
  readonly added: number
  readonly updated: number
  readonly removed: number
}

const sameSources = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * Sends an analysis' draft to the register. An item sent before (same sources) is updated and
 * keeps its status, note and link; a new one starts as `forslag`; one no longer in the draft is
 * removed while it is an untouched `forslag`, and kept once the committee has dealt with it.
 */
export const sendToRegister = (
  file: RegisterFile,
  from: SentFrom,
  items: ReadonlyArray<SentItem>,
  now: string,
  newId: () => string
): SendResult => {
  const mine = file.entries.filter((e) => e.analysisId === from.analysisId)
  const others = file.entries.filter((e) => e.analysisId !== from.analysisId)
  let added = 0
  let updated = 0
  const kept = new Set<string>()
  const sent = items.map((item): RegisterEntry => {
    const before = mine.find((e) => !kept.has(e.id) && sameSources(e.sources, item.sources))
    const common = {
      analysisId: from.analysisId,
      event: from.event,
      ...(from.eventDate !== undefined ? { eventDate: from.eventDate } : {}),
      analysisCreatedAt: from.analysisCreatedAt,
      sources: item.sources,
      theme: item.theme,
      themeLabel: item.themeLabel,
      ...(item.subTopic !== undefined ? { subTopic: item.subTopic } : {}),
      statements: item.statements,
      statementCount: item.statementCount,
      ...(item.supporters !== undefined ? { supporters: item.supporters } : {}),
      sentText: item.text
    }
    if (before !== undefined) {
      kept.add(before.id)
      // Wording changed in the register after it was sent stays; otherwise the new draft's.
      const text = before.text !== before.sentText ? before.text : item.text
      if (text !== before.text || !sameSources(before.statements, item.statements)) updated++
      const { subTopic: _s, supporters: _n, ...rest } = before
      return { ...rest, ...common, text, updatedAt: text !== before.text ? now : before.updatedAt }
    }
    added++
    return { id: newId(), ...common, text: item.text, status: "forslag", date: now.slice(0, 10), note: "", createdAt: now, updatedAt: now }
  })
  const left = mine.filter((e) => !kept.has(e.id))
  const stay = left.filter((e) => e.status !== "forslag" || e.note !== "" || e.link !== undefined)
  const draft = file.drafts[from.analysisId]
  return {
    file: {
      ...file,
      entries: [...others, ...sent, ...stay],
      drafts: { ...file.drafts, [from.analysisId]: { items: draft?.items ?? [], dropped: draft?.dropped ?? [], updatedAt: draft?.updatedAt ?? now, sentAt: now } }
    },
    added,
    updated,
    removed: left.length - stay.length
  }
}

/**
 * An analysis is deleted: its recommendations stay in the register (marked, their statements
 * no longer reachable) or go with it; its draft edits go either way.
 */
export const forgetAnalysis = (file: RegisterFile, analysisId: string, keep: boolean, now: string): RegisterFile => {
  const { [analysisId]: _gone, ...drafts } = file.drafts
  const entries = keep
    ? file.entries.map((e) => (e.analysisId === analysisId ? { ...e, analysisDeleted: true, updatedAt: now } : e))
    : file.entries.filter((e) => e.analysisId !== analysisId)
  // A link left with one entry means nothing.
  const sizes = new Map<string, number>()
  for (const e of entries) if (e.link !== undefined) sizes.set(e.link, (sizes.get(e.link) ?? 0) + 1)
  return {
    ...file,
    drafts,
    entries: entries.map((e) => {
      if (e.link === undefined || (sizes.get(e.link) ?? 0) > 1) return e
      const { link: _l, ...rest } = e
      return rest
    })
  }
}
