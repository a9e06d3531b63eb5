import { Schema } from "effect"
import type { DraftEdits } from "./RegisterModel.js"

// An analysis' draft recommendations as the administration edits them before they go to the
// register: read from the run's `recommendations.json` (only the fields needed, so drafts with
// sub-topic recommendations and older ones without both work), arranged by the saved edits.

const TopicJson = Schema.Struct({
  label: Schema.String,
  text: Schema.String,
  supporters: Schema.optional(Schema.Number),
  statementCount: Schema.optional(Schema.Number),
  statementIds: Schema.Array(Schema.String)
})

const RecommendationJson = Schema.Struct({
  theme: Schema.String,
  themeLabel: Schema.String,
  headline: Schema.String,
  statementCount: Schema.Number,
  statementIds: Schema.Array(Schema.String),
  topics: Schema.optional(Schema.Array(TopicJson))
})

export const DraftJson = Schema.Struct({
  event: Schema.String,
  recommendations: Schema.Array(RecommendationJson)
})
export type DraftJson = typeof DraftJson.Type

/** One recommendation of the draft as the pipeline wrote it. */
export interface SourceItem {
  readonly key: string
  readonly theme: string
  readonly themeLabel: string
  readonly subTopic?: string
  readonly text: string
  readonly statements: ReadonlyArray<string>
  readonly statementCount: number
  readonly supporters?: number
}

/** One per sub-topic recommendation when the draft has them, otherwise one per theme. */
export const sourceItems = (draft: DraftJson): ReadonlyArray<SourceItem> =>
  draft.recommendations.flatMap((r): ReadonlyArray<SourceItem> => {
    const topics = r.topics ?? []
    if (topics.length === 0) {
      return [{ key: r.theme, theme: r.theme, themeLabel: r.themeLabel, text: r.headline, statements: r.statementIds, statementCount: r.statementCount }]
    }
    return topics.map((t) => ({
      key: `${r.theme}#${t.label}`,
      theme: r.theme,
      themeLabel: r.themeLabel,
      subTopic: t.label,
      text: t.text,
      statements: t.statementIds,
      statementCount: t.statementCount ?? t.statementIds.length,
      ...(t.supporters !== undefined ? { supporters: t.supporters } : {})
    }))
  })

/** A draft item ready to show or send: its sources and its wording. */
export interface DraftItem {
  readonly sources: ReadonlyArray<SourceItem>
  readonly text: string
  readonly theme: string
  readonly themeLabel: string
  readonly subTopic?: string
  readonly statements: ReadonlyArray<string>
  readonly statementCount: number
  readonly supporters?: number
}

const unique = <A>(xs: ReadonlyArray<A>) => [...new Set(xs)]

export const itemOf = (sources: ReadonlyArray<SourceItem>, text: string): DraftItem => {
  const first = sources[0]!
  const statements = unique(sources.flatMap((s) => s.statements))
  const subTopics = unique(sources.flatMap((s) => (s.subTopic !== undefined ? [s.subTopic] : [])))
  const counted = sources.every((s) => s.supporters !== undefined)
  return {
    sources,
    text,
    theme: first.theme,
    themeLabel: unique(sources.map((s) => s.themeLabel)).join(" og "),
    ...(subTopics.length > 0 ? { subTopic: subTopics.join(" og ") } : {}),
    statements,
    statementCount: sources.length === 1 ? first.statementCount : statements.length,
    ...(counted ? { supporters: sources.reduce((n, s) => n + (s.supporters ?? 0), 0) } : {})
  }
}

export interface ResolvedDraft {
  readonly items: ReadonlyArray<DraftItem>
  readonly dropped: ReadonlyArray<SourceItem>
}

/**
 * The draft as edited: the saved arrangement of the items the draft still has (a re-run may
 * have changed them), then any new item the edits do not mention, with the pipeline's wording.
 */
export const resolveDraft = (sources: ReadonlyArray<SourceItem>, edits: DraftEdits | undefined): ResolvedDraft => {
  const byKey = new Map(sources.map((s) => [s.key, s]))
  const used = new Set<string>()
  const items: Array<DraftItem> = []
  for (const edit of edits?.items ?? []) {
    const found = edit.sources.flatMap((k) => {
      const s = byKey.get(k)
      return s !== undefined && !used.has(k) ? [s] : []
    })
    if (found.length === 0) continue
    for (const s of found) used.add(s.key)
    items.push(itemOf(found, edit.text.trim() === "" ? found.map((s) => s.text).join(" ") : edit.text))
  }
  const dropped: Array<SourceItem> = []
  for (const d of edits?.dropped ?? []) {
    const s = byKey.get(d)
    if (s !== undefined && !used.has(d)) {
      used.add(d)
      dropped.push(s)
    }
  }
  for (const s of sources) if (!used.has(s.key)) items.push(itemOf([s], s.text))
  return { items, dropped }
}

/** What a person did on the edit page. */
export type DraftAction =
  | { readonly kind: "save" }
  | { readonly kind: "merge"; readonly indices: ReadonlyArray<number> }
  | { readonly kind: "drop"; readonly index: number }
  | { readonly kind: "split"; readonly index: number }
  | { readonly kind: "restore"; readonly key: string }

/** The page's items with the wording typed into the form, then the action applied. */
export const applyDraftAction = (
  resolved: ResolvedDraft,
  texts: ReadonlyMap<number, string>,
  action: DraftAction,
  now: string
): DraftEdits => {
  let items = resolved.items.map((item, i) => ({ sources: item.sources, text: (texts.get(i) ?? item.text).trim() || item.text }))
  let dropped = resolved.dropped.map((s) => s.key)
  if (action.kind === "merge") {
    const chosen = unique(action.indices).filter((i) => i >= 0 && i < items.length).sort((a, b) => a - b)
    if (chosen.length >= 2) {
      const first = chosen[0]!
      const merged = {
        sources: chosen.flatMap((i) => items[i]!.sources),
        text: chosen.map((i) => items[i]!.text).join(" ")
      }
      items = items.flatMap((item, i) => (i === first ? [merged] : chosen.includes(i) ? [] : [item]))
    }
  } else if (action.kind === "drop") {
    const gone = items[action.index]
    if (gone !== undefined) {
      dropped = [...dropped, ...gone.sources.map((s) => s.key)]
      items = items.filter((_, i) => i !== action.index)
    }
  } else if (action.kind === "split") {
    items = items.flatMap((item, i) => (i === action.index && item.sources.length > 1 ? item.sources.map((s) => ({ sources: [s], text: s.text })) : [item]))
  } else if (action.kind === "restore") {
    dropped = dropped.filter((k) => k !== action.key)
  }
  return {
    items: items.map((item) => ({ sources: [item.sources[0]!.key, ...item.sources.slice(1).map((s) => s.key)] as const, text: item.text })),
    dropped,
    updatedAt: now
  }
}

type Json = Record<string, unknown>
const asArray = (u: unknown): ReadonlyArray<unknown> => (Array.isArray(u) ? u : [])
const asRecord = (u: unknown): Json => (typeof u === "object" && u !== null ? (u as Json) : {})
const strings = (u: unknown): ReadonlyArray<string> => asArray(u).filter((x): x is string => typeof x === "string")

/**
 * The pipeline's `recommendations.json` rewritten with the administration's arrangement: the
 * edited wording as headline (or as the sub-topic recommendation's text), merged items as one,
 * dropped items left out. Works on the JSON, so every other field is kept as the pipeline wrote it.
 */
export const editedDraftJson = (original: unknown, resolved: ResolvedDraft): unknown => {
  const draft = asRecord(original)
  const recs = asArray(draft["recommendations"]).map(asRecord)
  const recOf = (theme: string) => recs.find((r) => r["theme"] === theme)
  const topicOf = (key: string) => {
    const [theme, ...rest] = key.split("#")
    const label = rest.join("#")
    return asArray(recOf(theme ?? "")?.["topics"]).map(asRecord).find((t) => t["label"] === label)
  }
  const out: Array<Json> = []
  const topicsByTheme = new Map<string, Array<Json>>()
  for (const item of resolved.items) {
    const first = item.sources[0]!
    const rec = recOf(first.theme)
    if (rec === undefined) continue
    if (first.subTopic === undefined) {
      const others = item.sources.slice(1).flatMap((s) => { const r = recOf(s.theme); return r ? [r] : [] })
      const all = [rec, ...others]
      out.push({
        ...rec,
        themeLabel: item.themeLabel,
        headline: item.text,
        statementCount: item.statementCount,
        statementIds: item.statements,
        quotes: all.flatMap((r) => asArray(r["quotes"])).slice(0, 3 + others.length),
        actions: all.flatMap((r) => asArray(r["actions"])),
        lowHangingFruit: all.flatMap((r) => asArray(r["lowHangingFruit"])),
        questions: all.flatMap((r) => strings(r["questions"]))
      })
    } else {
      const topics = item.sources.flatMap((s) => { const t = topicOf(s.key); return t ? [t] : [] })
      const topic = topics[0]
      if (topic === undefined) continue
      // The Word draft leads each sub-topic with its label and lists the proposals: the
      // administration's wording, when it changed it, becomes that lead.
      const edited = item.sources.length > 1 || item.text !== first.text
      const merged: Json = {
        ...topic,
        label: edited ? item.text : (item.subTopic ?? first.subTopic),
        text: item.text,
        statementCount: item.statementCount,
        statementIds: item.statements,
        proposals: topics.flatMap((t) => asArray(t["proposals"])),
        ...(item.supporters !== undefined ? { supporters: item.supporters } : {})
      }
      const list = topicsByTheme.get(first.theme)
      if (list) list.push(merged)
      else {
        topicsByTheme.set(first.theme, [merged])
        out.push({ ...rec, topics: [] })
      }
    }
  }
  return {
    ...draft,
    recommendations: out.map((r) => {
      const topics = topicsByTheme.get(String(r["theme"]))
      return topics === undefined ? r : { ...r, topics }
    })
  }
}
