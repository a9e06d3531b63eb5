import { FileSystem, Path } from "@effect/platform"
import { RecommendationsDraft } from "@udsagn/domain/Recommendation"
import { recommendationsMarkdown } from "@udsagn/report/Recommendations"
import { recommendationsDocx } from "@udsagn/report/RecommendationsDocx"
import { Effect, Option, Schema } from "effect"
import type { AnalysisMeta } from "./AnalysisMeta.js"
import { AnalysisStore, StorageError } from "./AnalysisStore.js"
import { type DraftAction, DraftJson, applyDraftAction, editedDraftJson, type ResolvedDraft, resolveDraft, sourceItems } from "./RegisterDraft.js"
import { linkEntries, pairKey, unlinkEntry } from "./RegisterLinks.js"
import {
  applyChange,
  emptyRegister,
  type DraftEdits,
  type EntryChange,
  forgetAnalysis,
  type RegisterEntry,
  RegisterFile,
  sendToRegister,
  type SentFrom,
  withCurrentEvents
} from "./RegisterModel.js"
import { WebConfig } from "./WebConfig.js"

const RegisterJson = Schema.parseJson(RegisterFile)

/**
 * The register of recommendations on disk: `<reports>/anbefalinger/register.json`, one file,
 * changed by one writer at a time (read, change, write to a temp file, rename), readable by the
 * server's user only. A file that cannot be read is never overwritten: the change fails.
 */
export class RegisterStore extends Effect.Service<RegisterStore>()("@udsagn/web/RegisterStore", {
  effect: Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const config = yield* WebConfig
    const analyses = yield* AnalysisStore
    const dir = path.join(path.resolve(config.reportsDir), "anbefalinger")
    const file = path.join(dir, "register.json")
    const lock = yield* Effect.makeSemaphore(1)
    const fail = (action: string) => (cause: unknown) => new StorageError({ cause, action })

    // The folder is made with the first write (a storage folder without a register has none).
    // A temp file left by a write cut short is removed.
    yield* fs.readDirectory(dir).pipe(
      Effect.flatMap((names) => Effect.forEach(names.filter((n) => n.includes(".tmp-")), (n) => fs.remove(path.join(dir, n)), { discard: true })),
      Effect.ignore
    )

    const read: Effect.Effect<RegisterFile, StorageError> = Effect.gen(function*() {
      const exists = yield* fs.exists(file).pipe(Effect.mapError(fail("læs registret")))
      if (!exists) return emptyRegister()
      const text = yield* fs.readFileString(file).pipe(Effect.mapError(fail("læs registret")))
      return yield* Schema.decode(RegisterJson)(text).pipe(Effect.mapError(fail("læs registret")))
    })

    const write = (next: RegisterFile) => {
      const tmp = `${file}.tmp-${crypto.randomUUID().slice(0, 8)}`
      const text = Schema.encodeSync(RegisterJson)(next)
      return fs.makeDirectory(dir, { recursive: true, mode: 0o700 }).pipe(
        Effect.zipRight(fs.chmod(dir, 0o700)),
        Effect.zipRight(fs.writeFileString(tmp, text + "\n", { mode: 0o600 })),
        Effect.zipRight(fs.rename(tmp, file)),
        Effect.tapError(() => fs.remove(tmp).pipe(Effect.ignore)),
        Effect.mapError(fail("gem registret"))
      )
    }

    /** Read, change and write under the lock; nothing is written when `f` gives the same file back. */
    const change = <A>(f: (current: RegisterFile, now: string) => { readonly file: RegisterFile; readonly result: A }) =>
      lock.withPermits(1)(
        Effect.gen(function*() {
          const current = yield* read
          const { file: next, result } = f(current, new Date().toISOString())
          if (next !== current) yield* write(next)
          return result
        })
      )

    /** The register as shown: each entry with its analysis' current title and date. */
    const readCurrent = Effect.gen(function*() {
      const file = yield* read
      const metas = yield* analyses.list
      return { ...file, entries: withCurrentEvents(file.entries, metas) }
    })

    const unchanged = <A>(current: RegisterFile, result: A) => ({ file: current, result })

    const update = Effect.fn("RegisterStore.update")(function*(id: string, c: EntryChange) {
      return yield* change((current, now): { file: RegisterFile; result: Option.Option<RegisterEntry> } => {
        const entry = current.entries.find((e) => e.id === id)
        if (entry === undefined) return unchanged(current, Option.none())
        const next = applyChange(entry, c, now)
        return { file: { ...current, entries: current.entries.map((e) => (e.id === id ? next : e)) }, result: Option.some(next) }
      })
    })

    // ---- An analysis' draft ----

    /** The run's `recommendations.json` as written (undefined when the run has none). */
    const readDraftJson = (meta: AnalysisMeta) =>
      meta.files.includes("recommendations.json")
        ? fs.readFileString(path.join(analyses.runDir(meta.id, meta.run), "recommendations.json")).pipe(
          Effect.flatMap((text) => Effect.try(() => JSON.parse(text) as unknown)),
          Effect.mapError(fail("læs recommendations.json")),
          Effect.map(Option.some)
        )
        : Effect.succeed(Option.none<unknown>())

    /** The draft as the administration arranged it, and whether it was edited or sent. */
    const draftOf = Effect.fn("RegisterStore.draftOf")(function*(meta: AnalysisMeta) {
      const raw = yield* readDraftJson(meta)
      const json = Option.isSome(raw) ? yield* Schema.decodeUnknown(DraftJson)(raw.value).pipe(Effect.mapError(fail("læs recommendations.json"))) : undefined
      const register = yield* read
      const edits = register.drafts[meta.id]
      const resolved: ResolvedDraft = resolveDraft(json === undefined ? [] : sourceItems(json), edits)
      return {
        raw,
        resolved,
        edited: edits !== undefined && edits.items.length + edits.dropped.length > 0,
        sentAt: edits?.sentAt,
        entries: register.entries.filter((e) => e.analysisId === meta.id)
      }
    })

    const saveDraft = Effect.fn("RegisterStore.saveDraft")(function*(meta: AnalysisMeta, texts: ReadonlyMap<number, string>, action: DraftAction) {
      const { resolved } = yield* draftOf(meta)
      return yield* change((current, now) => {
        const edits = applyDraftAction(resolved, texts, action, now)
        const sentAt = current.drafts[meta.id]?.sentAt
        return { file: { ...current, drafts: { ...current.drafts, [meta.id]: sentAt === undefined ? edits : { ...edits, sentAt } } }, result: edits }
      })
    })

    /** Replaces the arrangement (the API's `PUT`); a Danish message when it names unknown or repeated items. */
    const replaceDraft = Effect.fn("RegisterStore.replaceDraft")(function*(meta: AnalysisMeta, edits: Pick<DraftEdits, "items" | "dropped">) {
      const { resolved } = yield* draftOf(meta)
      const known = new Set([...resolved.items.flatMap((i) => i.sources.map((s) => s.key)), ...resolved.dropped.map((s) => s.key)])
      const named = [...edits.items.flatMap((i) => i.sources), ...edits.dropped]
      const unknown = [...new Set(named.filter((k) => !known.has(k)))]
      if (unknown.length > 0) return `Udkastet har ingen anbefaling ${unknown.slice(0, 5).map((k) => `»${k.slice(0, 60)}«`).join(", ")}. Hent nøglerne (sources) fra GET /api/analyses/${meta.id}/recommendations.`
      const twice = named.filter((k, i) => named.indexOf(k) !== i)
      if (twice.length > 0) return `»${twice[0]!.slice(0, 60)}« er nævnt mere end én gang.`
      const empty = edits.items.find((i) => i.text.trim() === "" || i.text.length > 2000)
      if (empty !== undefined) return "Hver anbefaling skal have en tekst på 1 til 2000 tegn."
      yield* change((current, now) => {
        const sentAt = current.drafts[meta.id]?.sentAt
        const next = { items: edits.items.map((i) => ({ ...i, text: i.text.trim() })), dropped: edits.dropped, updatedAt: now, ...(sentAt !== undefined ? { sentAt } : {}) }
        return { file: { ...current, drafts: { ...current.drafts, [meta.id]: next } }, result: undefined }
      })
      return undefined
    })

    /** Back to the pipeline's draft. */
    const resetDraft = (id: string) =>
      change((current) => {
        if (current.drafts[id] === undefined) return unchanged(current, undefined)
        const { [id]: _gone, ...drafts } = current.drafts
        return { file: { ...current, drafts }, result: undefined }
      })

    /** Sends the draft as arranged now (see `sendToRegister`). */
    const send = Effect.fn("RegisterStore.send")(function*(meta: AnalysisMeta) {
      const { resolved } = yield* draftOf(meta)
      const from: SentFrom = {
        analysisId: meta.id,
        event: meta.title,
        ...(meta.date !== undefined ? { eventDate: meta.date } : {}),
        analysisCreatedAt: meta.createdAt
      }
      const items = resolved.items.map((i) => ({ ...i, sources: i.sources.map((s) => s.key) }))
      return yield* change((current, now) => {
        const out = sendToRegister(current, from, items, now, () => crypto.randomUUID())
        return { file: out.file, result: { added: out.added, updated: out.updated, removed: out.removed, entries: items.length } }
      })
    })

    /**
     * The Word draft (or markdown) with the administration's wording, when the draft was edited;
     * none when it was not (the pipeline's own file is served).
     */
    const editedDraftFile = Effect.fn("RegisterStore.editedDraftFile")(function*(meta: AnalysisMeta, format: "docx" | "md") {
      const draft = yield* draftOf(meta)
      if (!draft.edited || Option.isNone(draft.raw)) return Option.none<Uint8Array | string>()
      const decoded = yield* Schema.decodeUnknown(RecommendationsDraft)(editedDraftJson(draft.raw.value, draft.resolved)).pipe(
        Effect.mapError(fail("lav anbefalingerne"))
      )
      if (format === "md") return Option.some<Uint8Array | string>(recommendationsMarkdown(decoded))
      const bytes = yield* Effect.tryPromise({ try: () => recommendationsDocx(decoded), catch: fail("lav Word-filen") })
      return Option.some<Uint8Array | string>(bytes)
    })

    // ---- Links between conferences ----

    const link = (a: string, b: string) =>
      change((current) => {
        const entries = linkEntries(current.entries, a, b, crypto.randomUUID())
        return entries === undefined ? unchanged(current, false) : { file: { ...current, entries }, result: true }
      })

    const unlink = (id: string) =>
      change((current) => {
        const entries = unlinkEntry(current.entries, id)
        return entries === undefined ? unchanged(current, false) : { file: { ...current, entries }, result: true }
      })

    const dismiss = (a: string, b: string) =>
      change((current) => {
        const key = pairKey(a, b)
        const known = current.entries.some((e) => e.id === a) && current.entries.some((e) => e.id === b)
        if (!known || current.dismissed.includes(key)) return unchanged(current, known)
        return { file: { ...current, dismissed: [...current.dismissed, key] }, result: true }
      })

    /**
     * For the deletion of an analysis: keep its recommendations in the register (marked as from
     * a deleted analysis) or remove them. Its draft edits go either way.
     */
    const forget = Effect.fn("RegisterStore.forget")(function*(analysisId: string, keep: boolean) {
      return yield* change((current, now) => {
        const has = current.entries.some((e) => e.analysisId === analysisId) || current.drafts[analysisId] !== undefined
        return has ? { file: forgetAnalysis(current, analysisId, keep, now), result: true } : unchanged(current, false)
      })
    })

    /** How many recommendations of an analysis are in the register (the delete dialog asks only then). */
    const countFor = (analysisId: string) => Effect.map(read, (r) => r.entries.filter((e) => e.analysisId === analysisId).length)

    return { file, read, readCurrent, update, draftOf, saveDraft, replaceDraft, resetDraft, send, editedDraftFile, link, unlink, dismiss, forget, countFor } as const
  })
}) {}
