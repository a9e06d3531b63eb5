import { HttpRouter, HttpServerResponse } from "@effect/platform"
import { Effect, Option, Schema } from "effect"
import { formBodyLimit, readBodyText } from "../BodyLimit.js"
import { checkChange, DraftItemEdit, entryJson, filterFromParams, matches } from "../RegisterModel.js"
import { RegisterStore } from "../RegisterStore.js"
import { apiError, jsonResponse, unexpectedFailure } from "./Responses.js"
import { searchParams, withAnalysis } from "./WithAnalysis.js"

// The register's JSON API (issue 15; described in the package README): the register's
// recommendations, their changes and links, and an analysis' draft as arranged and sent.

const entryId = Effect.map(HttpRouter.params, (p) => p["id"] ?? "")

const apiList = Effect.gen(function*() {
  const file = yield* (yield* RegisterStore).readCurrent
  const params = yield* searchParams
  // The page's Danish names and English ones for programs.
  for (const [en, da] of [["theme", "tema"], ["analysisId", "begivenhed"], ["year", "aar"]] as const) {
    const v = params.get(en)
    if (v !== null && !params.has(da)) params.set(da, v)
  }
  const status = params.get("status")
  if (status !== null && status !== "" && filterFromParams(params).status === undefined) {
    return yield* apiError(400, `Ukendt status »${status.slice(0, 40)}«. Vælg en af: forslag, drøftet, besluttet, i gang, afvist.`)
  }
  const filter = filterFromParams(params)
  return yield* jsonResponse(file.entries.filter(matches(filter)).map((e) => entryJson(file.entries, e)))
})

const apiGet = Effect.gen(function*() {
  const id = yield* entryId
  const file = yield* (yield* RegisterStore).read
  const entry = file.entries.find((e) => e.id === id)
  return entry === undefined ? yield* apiError(404, "Anbefalingen findes ikke i registret.") : yield* jsonResponse(entryJson(file.entries, entry))
})

const notJson = "Send et JSON-objekt, fx { \"status\": \"besluttet\", \"note\": \"Udvalgsmøde 24. april 2025, punkt 5\" }."

const apiPut = Effect.gen(function*() {
  const id = yield* entryId
  const text = yield* readBodyText(formBodyLimit)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return yield* apiError(400, notJson)
  }
  const change = checkChange(body)
  if (typeof change === "string") return yield* apiError(400, change)
  const register = yield* RegisterStore
  const saved = yield* register.update(id, change)
  if (Option.isNone(saved)) return yield* apiError(404, "Anbefalingen findes ikke i registret.")
  const file = yield* register.read
  return yield* jsonResponse(entryJson(file.entries, saved.value))
}).pipe(Effect.catchTag("BodyTooLarge", (e) => apiError(413, e.message)))

const apiDraft = withAnalysis("api", (meta) =>
  Effect.gen(function*() {
    const d = yield* (yield* RegisterStore).draftOf(meta)
    const item = (i: (typeof d.resolved.items)[number]) => ({
      sources: i.sources.map((s) => s.key),
      text: i.text,
      theme: i.theme,
      themeLabel: i.themeLabel,
      ...(i.subTopic !== undefined ? { subTopic: i.subTopic } : {}),
      statements: i.statements,
      statementCount: i.statementCount,
      ...(i.supporters !== undefined ? { supporters: i.supporters } : {})
    })
    return yield* jsonResponse({
      items: d.resolved.items.map(item),
      dropped: d.resolved.dropped.map((s) => s.key),
      edited: d.edited,
      ...(d.sentAt !== undefined ? { sentAt: d.sentAt } : {})
    })
  }))

const draftBodyMessage = "Send JSON: { \"items\": [{ \"sources\": [\"<nøgle>\", …], \"text\": \"…\" }], \"dropped\": [\"<nøgle>\"] }."

const apiPutDraft = withAnalysis("api", (meta) =>
  Effect.gen(function*() {
    const text = yield* readBodyText(formBodyLimit)
    const body = yield* Effect.try(() => JSON.parse(text) as unknown).pipe(
      Effect.flatMap(Schema.decodeUnknown(Schema.Struct({ items: Schema.Array(DraftItemEdit), dropped: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }) }))),
      Effect.option
    )
    if (Option.isNone(body)) return yield* apiError(400, draftBodyMessage)
    const problem = yield* (yield* RegisterStore).replaceDraft(meta, body.value)
    if (problem !== undefined) return yield* apiError(400, problem)
    return yield* apiDraft
  }).pipe(Effect.catchTag("BodyTooLarge", (e) => apiError(413, e.message))))

const apiLink = Effect.gen(function*() {
  const id = yield* entryId
  const text = yield* readBodyText(formBodyLimit)
  let other: unknown
  try {
    other = (JSON.parse(text) as { with?: unknown }).with
  } catch {
    other = undefined
  }
  if (typeof other !== "string") return yield* apiError(400, "Send JSON: { \"with\": \"<id på en anden anbefaling>\" }.")
  const register = yield* RegisterStore
  if (!(yield* register.link(id, other))) return yield* apiError(404, "Anbefalingen findes ikke i registret.")
  const file = yield* register.read
  return yield* jsonResponse(entryJson(file.entries, file.entries.find((e) => e.id === id)!))
}).pipe(Effect.catchTag("BodyTooLarge", (e) => apiError(413, e.message)))

const apiUnlink = Effect.gen(function*() {
  const id = yield* entryId
  const done = yield* (yield* RegisterStore).unlink(id)
  return done ? HttpServerResponse.empty({ status: 204 }) : yield* apiError(404, "Anbefalingen er ikke kædet sammen med andre.")
})

const apiSend = withAnalysis("api", (meta) =>
  Effect.gen(function*() {
    const register = yield* RegisterStore
    const result = yield* register.send(meta)
    const file = yield* register.read
    return yield* jsonResponse({ ...result, recommendations: file.entries.filter((e) => e.analysisId === meta.id).map((e) => entryJson(file.entries, e)) })
  }))

export const registerApiRoutes = HttpRouter.empty.pipe(
  HttpRouter.get("/api/recommendations", apiList),
  HttpRouter.get("/api/recommendations/:id", apiGet),
  HttpRouter.put("/api/recommendations/:id", apiPut),
  HttpRouter.get("/api/analyses/:id/recommendations", apiDraft),
  HttpRouter.put("/api/analyses/:id/recommendations", apiPutDraft),
  HttpRouter.post("/api/recommendations/:id/links", apiLink),
  HttpRouter.del("/api/recommendations/:id/links", apiUnlink),
  HttpRouter.post("/api/analyses/:id/recommendations", apiSend),
  HttpRouter.catchAllCause(unexpectedFailure("api"))
)
